package dev.alignguard.cli;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Escapes text for HTML element content and quoted attribute values: {@code & < > " '} become character
 * references, so trace text can never open a tag, close an attribute or start a script. Characters a reader
 * could not see or that are not valid in HTML become U+FFFD: lone surrogates, C0 controls other than tab, line
 * feed and carriage return, DEL, C1 controls, noncharacters, and bidi embedding/override/isolate controls
 * (which could reorder the text around them and disguise evidence).
 */
final class Html {
    static final char REPLACEMENT = '\uFFFD';

    private Html() {
    }

    /** {@code text} escaped. */
    static String escape(CharSequence text) {
        StringBuilder sb = new StringBuilder(text.length() + 16);
        escape(text, sb);
        return sb.toString();
    }

    /** Appends {@code text}, escaped, to {@code out}. */
    static void escape(CharSequence text, Appendable out) {
        try {
            int n = text.length();
            for (int i = 0; i < n; i++) {
                char c = text.charAt(i);
                if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                    int cp = Character.toCodePoint(c, text.charAt(i + 1));
                    if (isNoncharacter(cp)) {
                        out.append(REPLACEMENT);
                    } else {
                        out.append(c).append(text.charAt(i + 1));
                    }
                    i++;
                    continue;
                }
                switch (c) {
                    case '&' -> out.append("&amp;");
                    case '<' -> out.append("&lt;");
                    case '>' -> out.append("&gt;");
                    case '"' -> out.append("&quot;");
                    case '\'' -> out.append("&#39;");
                    default -> out.append(hidden(c) ? REPLACEMENT : c);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Characters that are invalid, invisible or able to reorder text: shown as U+FFFD instead. */
    private static boolean hidden(char c) {
        if (c < 0x20) {
            return c != '\t' && c != '\n' && c != '\r';
        }
        return (c >= 0x7F && c <= 0x9F)
                || Character.isSurrogate(c) // a pair was handled before: this one is alone
                || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069)
                || isNoncharacter(c);
    }

    private static boolean isNoncharacter(int cp) {
        return (cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE;
    }
}
