package dev.alignguard.cli;

import java.io.IOException;
import java.io.Reader;

/**
 * Reads lines like {@link java.io.BufferedReader#readLine()}, but never holds more than {@code maxChars} of
 * one line: a longer line is skipped to its end and reported as {@link #OVERSIZED}, so a hostile trace file
 * cannot exhaust memory.
 */
final class BoundedLineReader {
    /** Returned instead of a line that was longer than the limit. */
    static final String OVERSIZED = new String("<oversized>");

    private final Reader in;
    private final int maxChars;
    private final char[] buf = new char[1 << 16];
    private int pos;
    private int len;

    BoundedLineReader(Reader in, int maxChars) {
        this.in = in;
        this.maxChars = maxChars;
    }

    /** The longest line read, in characters (the CLI's --max-line-chars). */
    int maxChars() {
        return maxChars;
    }

    /** The next line without its terminator, {@link #OVERSIZED}, or null at the end of input. */
    String readLine() throws IOException {
        StringBuilder line = new StringBuilder();
        boolean oversized = false;
        boolean any = false;
        while (true) {
            if (pos == len) {
                len = in.read(buf, 0, buf.length);
                pos = 0;
                if (len <= 0) {
                    len = 0;
                    return any ? finish(line, oversized) : null;
                }
            }
            any = true;
            int start = pos;
            while (pos < len && buf[pos] != '\n') {
                pos++;
            }
            if (!oversized) {
                int take = pos - start;
                if (line.length() + take > maxChars) {
                    oversized = true;
                    line.setLength(0);
                } else {
                    line.append(buf, start, take);
                }
            }
            if (pos < len) { // found '\n'
                pos++;
                return finish(line, oversized);
            }
        }
    }

    private static String finish(StringBuilder line, boolean oversized) {
        if (oversized) {
            return OVERSIZED;
        }
        int n = line.length();
        if (n > 0 && line.charAt(n - 1) == '\r') {
            line.setLength(n - 1);
        }
        return line.toString();
    }
}
