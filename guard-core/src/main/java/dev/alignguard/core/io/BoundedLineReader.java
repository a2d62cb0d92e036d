package dev.alignguard.core.io;

import java.io.IOException;
import java.io.Reader;
import java.util.Objects;

/**
 * Reads lines of untrusted input (a recorded trace, MCP's stdio transport) without ever holding more than a set
 * number of chars of one line. Lines are split on {@code \n} only (a {@code \r} directly before it is part
 * of the terminator; any other {@code \r} is part of the line, which JSON reads as whitespace), never holding
 * more than {@code maxChars} chars of one line. A longer line is read on to its end without being kept and
 * comes back as {@linkplain Line#overLong() over-long}, with its length only, so a peer that never ends a
 * line cannot exhaust memory. Not thread-safe: one reader per stream.
 */
public final class BoundedLineReader {
    private static final int BUFFER_CHARS = 8192;

    /**
     * One line without its terminator: its text, or for an over-long line no text, only its length.
     *
     * @param text   the line, or null when it was longer than the limit
     * @param length the line's length in chars (UTF-16 units), terminator excluded
     */
    public record Line(String text, long length) {
        /** True when the line was longer than the limit and only its length was kept. */
        public boolean overLong() {
            return text == null;
        }
    }

    private final Reader in;
    private final int maxChars;
    private final char[] buf = new char[BUFFER_CHARS];
    private int pos;
    private int end;

    /**
     * Reads {@code in}; a line of more than {@code maxChars} chars is over-long.
     *
     * @throws IllegalArgumentException if {@code maxChars} is less than 1
     */
    public BoundedLineReader(Reader in, int maxChars) {
        if (maxChars < 1) {
            throw new IllegalArgumentException("maxChars must be at least 1, got " + maxChars);
        }
        this.in = Objects.requireNonNull(in, "in");
        this.maxChars = maxChars;
    }

    /** The longest line kept, in chars. */
    public int maxChars() {
        return maxChars;
    }

    /**
     * The next line, or null at the end of the input. Text after the last {@code \n} is a line too; an empty
     * line is an empty text. Blocks until a whole line, or the end of the input, has been read.
     */
    public Line next() throws IOException {
        StringBuilder text = new StringBuilder();
        long length = 0;
        char last = 0;
        boolean started = false;
        while (true) {
            if (pos == end && !fill()) {
                return started ? line(text, length, false) : null;
            }
            started = true;
            int from = pos;
            while (pos < end && buf[pos] != '\n') {
                pos++;
            }
            int n = pos - from;
            if (n > 0) {
                length += n;
                last = buf[pos - 1];
            }
            if (text != null) {
                if (length > maxChars + 1L) {
                    text = null; // over-long even if it ends in "\r\n": stop holding it, read on to its end
                } else {
                    text.append(buf, from, n);
                }
            }
            if (pos < end) {
                pos++; // the '\n'
                return line(text, length, last == '\r');
            }
        }
    }

    private Line line(StringBuilder text, long length, boolean crBeforeNewline) {
        long chars = crBeforeNewline ? length - 1 : length;
        if (chars > maxChars) {
            return new Line(null, chars);
        }
        return new Line(text.substring(0, (int) chars), chars);
    }

    private boolean fill() throws IOException {
        int n = in.read(buf, 0, buf.length);
        if (n < 0) {
            return false;
        }
        pos = 0;
        end = n;
        return true;
    }
}
