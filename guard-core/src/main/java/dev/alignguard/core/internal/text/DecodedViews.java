package dev.alignguard.core.internal.text;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Undoes the usual ways of hiding text from a classifier. {@link #folded} replaces look-alike letters
 * (Cyrillic/Greek inside Latin words) and leetspeak digits with plain letters, one character for one, so the
 * folded text is scored instead of the original (which the model would only see as noise). {@link #of}
 * decodes base64 runs (scored beside the field, in which {@link #withoutEncodedRuns} blanks the runs
 * themselves; the guard keeps the highest score) and percent- or
 * HTML-entity-encoded text (scored instead of the field). Ordinary text yields nothing, so it costs nothing. Stateless and
 * thread-safe; linear scans, no regular expressions.
 */
public final class DecodedViews {
    private static final int MIN_BASE64 = 24;
    private static final int MAX_VIEWS = 16;
    private static final Map<Character, Character> LOOKALIKES = lookalikes();

    private DecodedViews() {
    }

    /**
     * A view, why it exists (for the verdict's warnings), and whether it replaces the field: a whole field in
     * percent or HTML-entity encoding reads as noise to the model, so only its decoded form is scored, while
     * a base64 run is scored beside the text around it. {@code encodedStart}/{@code encodedEnd}: where the
     * encoded text stands in the field.
     */
    public record View(FieldText text, String reason, boolean replacesField, int encodedStart, int encodedEnd) {
    }

    /**
     * {@code field} with the base64 runs that {@code views} decoded blanked to spaces (same length, so offsets
     * hold): the run's decoded text is scored in its own view, and the run itself is only noise to the model
     * (long random-looking token sequences score unpredictably). {@code field} itself when nothing was decoded.
     */
    public static FieldText withoutEncodedRuns(FieldText field, List<View> views) {
        char[] text = null;
        for (View v : views) {
            if (!v.replacesField()) {
                text = text == null ? field.text().toCharArray() : text;
                java.util.Arrays.fill(text, v.encodedStart(), Math.min(v.encodedEnd(), text.length), ' ');
            }
        }
        return text == null ? field : new FieldText(field.field(), new String(text), field.segments(), field.decodedFrom());
    }

    /** {@code field} with look-alike and leetspeak characters folded, or null when it has none. */
    public static FieldText folded(FieldText field) {
        String folded = foldLookalikes(field.text());
        return folded == null ? null : new FieldText(field.field(), folded, field.segments(), field.decodedFrom());
    }

    /** The decoded views worth scoring beside {@code field}; empty for ordinary text. */
    public static List<View> of(FieldText field) {
        List<View> views = new ArrayList<>(0);
        String text = field.text();
        // the views that replace the whole field first, so that no number of base64 runs can crowd them out
        if (count(text, '%') >= 3) {
            addDecoded(field, views, percentDecode(text), 0, text.length(), "percent-encoded text", true);
        }
        if (count(text, '&') >= 2 && text.indexOf(';') >= 0) {
            addDecoded(field, views, htmlDecode(text), 0, text.length(), "HTML entities", true);
        }
        base64(field, views);
        return views;
    }

    private static void base64(FieldText field, List<View> views) {
        String t = field.text();
        int i = 0;
        while (i < t.length() && views.size() < MAX_VIEWS) {
            if (!isBase64(t.charAt(i))) {
                i++;
                continue;
            }
            int j = i;
            while (j < t.length() && isBase64(t.charAt(j))) {
                j++;
            }
            int end = j;
            while (end < t.length() && end - j < 2 && t.charAt(end) == '=') {
                end++;
            }
            if (j - i >= MIN_BASE64) {
                String decoded = decodeBase64(t.substring(i, j));
                String json = decoded == null ? null : ToolCallText.flattenJson(decoded);
                if (json != null) {
                    addDecoded(field, views, json, i, end, "base64-encoded JSON", false);
                } else if (decoded != null) {
                    addDecoded(field, views, decoded, i, end, "base64-encoded text", false);
                }
            }
            i = end;
        }
    }

    private static void addDecoded(FieldText field, List<View> views, String decoded, int from, int to,
                                   String reason, boolean replacesField) {
        if (decoded == null || decoded.isBlank() || decoded.equals(field.text())) {
            return;
        }
        FieldText.Span origin = field.toOriginal(from, to);
        if (origin == null) {
            origin = new FieldText.Span(null, 0, 0, "");
        }
        views.add(new View(FieldText.decoded(field.field(), decoded, origin), reason, replacesField, from, to));
    }

    private static boolean isBase64(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/'
                || c == '-' || c == '_';
    }

    /** Decodes standard or URL-safe base64 that holds readable UTF-8 text; null otherwise. */
    static String decodeBase64(String run) {
        if (run.length() % 4 == 1) {
            return null; // no base64 text has this length
        }
        String padded = run + "==".substring(0, (4 - run.length() % 4) % 4);
        byte[] bytes;
        try {
            bytes = (run.indexOf('-') >= 0 || run.indexOf('_') >= 0 ? Base64.getUrlDecoder() : Base64.getDecoder())
                    .decode(padded);
        } catch (IllegalArgumentException e) {
            return null;
        }
        String s = utf8(bytes);
        return s != null && readable(s) ? s : null;
    }

    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** Mostly letters and spaces, with at least one space: natural-language text, not binary or an id. */
    private static boolean readable(String s) {
        int letters = 0;
        int spaces = 0;
        int odd = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isLetter(c)) {
                letters++;
            } else if (c == ' ') {
                spaces++;
            } else if (Character.isISOControl(c) && c != '\n' && c != '\t' && c != '\r') {
                odd++;
            }
        }
        return spaces > 0 && odd == 0 && letters >= s.length() / 2;
    }

    static String percentDecode(String s) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(s.length());
        StringBuilder result = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            int hi = i + 2 < s.length() && c == '%' ? Character.digit(s.charAt(i + 1), 16) : -1;
            int lo = hi >= 0 ? Character.digit(s.charAt(i + 2), 16) : -1;
            if (lo >= 0) {
                out.write(hi * 16 + lo);
                i += 2;
                continue;
            }
            flush(out, result);
            result.append(c == '+' ? ' ' : c);
        }
        flush(out, result);
        return result.toString();
    }

    private static void flush(java.io.ByteArrayOutputStream bytes, StringBuilder into) {
        if (bytes.size() > 0) {
            String s = utf8(bytes.toByteArray());
            into.append(s == null ? "\uFFFD" : s);
            bytes.reset();
        }
    }

    static String htmlDecode(String s) {
        StringBuilder out = new StringBuilder(s.length());
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            int semi = c == '&' ? s.indexOf(';', i) : -1;
            if (semi > i + 1 && semi - i <= 10) {
                String name = s.substring(i + 1, semi);
                int cp = entity(name);
                if (cp >= 0) {
                    out.appendCodePoint(cp);
                    i = semi + 1;
                    continue;
                }
            }
            out.append(c);
            i++;
        }
        return out.toString();
    }

    private static int entity(String name) {
        try {
            if (name.startsWith("#x") || name.startsWith("#X")) {
                int cp = Integer.parseInt(name.substring(2), 16);
                return Character.isValidCodePoint(cp) ? cp : -1;
            }
            if (name.startsWith("#")) {
                int cp = Integer.parseInt(name.substring(1));
                return Character.isValidCodePoint(cp) ? cp : -1;
            }
        } catch (NumberFormatException e) {
            return -1;
        }
        return switch (name) {
            case "amp" -> '&';
            case "lt" -> '<';
            case "gt" -> '>';
            case "quot" -> '"';
            case "apos" -> '\'';
            case "nbsp" -> ' ';
            default -> -1;
        };
    }

    /**
     * Folds look-alike letters (Cyrillic/Greek in otherwise Latin words) and leetspeak (at least two digits
     * or symbols among at least two letters) to Latin letters, one character for one so offsets still map.
     * Null when no word needs it.
     */
    static String foldLookalikes(String s) {
        char[] out = s.toCharArray();
        int leetWords = 0;
        boolean folded = false;
        int i = 0;
        while (i < s.length()) {
            if (!isWordChar(s.charAt(i))) {
                i++;
                continue;
            }
            int j = i;
            int latin = 0;
            int foreign = 0;
            int leet = 0;
            int otherDigits = 0;
            while (j < s.length() && isWordChar(s.charAt(j))) {
                char c = s.charAt(j);
                if (c < 0x80 && Character.isLetter(c)) {
                    latin++;
                } else if (c >= 0x80 && LOOKALIKES.containsKey(c)) {
                    foreign++;
                } else if (LOOKALIKES.containsKey(c)) {
                    leet++;
                } else if (Character.isDigit(c)) {
                    otherDigits++;
                }
                j++;
            }
            boolean mixedScript = foreign > 0 && latin > 0;
            // "s3cr3ts", "y0ur": leet digits only, among letters, in a word of ordinary length (not ids or hashes)
            boolean leetWord = leet >= 1 && otherDigits == 0 && j - i <= 24 && (leet >= 2 ? latin >= 2 : latin >= 3);
            for (int k = i; k < j; k++) {
                char c = s.charAt(k);
                Character plain = LOOKALIKES.get(c);
                if (plain != null && (c >= 0x80 ? mixedScript : leetWord)) {
                    out[k] = plain;
                    folded |= c >= 0x80;
                }
            }
            leetWords += leetWord ? 1 : 0;
            i = j;
        }
        // one leet-looking word is usually a product or model name; several are a pattern
        if (leetWords < 2 && !folded) {
            return null;
        }
        if (leetWords < 2) { // keep the look-alike folding, undo lone leet folding
            for (int k = 0; k < out.length; k++) {
                if (s.charAt(k) < 0x80) {
                    out[k] = s.charAt(k);
                }
            }
        }
        return new String(out);
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c);
    }

    private static int count(String s, char c) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            n += s.charAt(i) == c ? 1 : 0;
        }
        return n;
    }

    private static Map<Character, Character> lookalikes() {
        Map<Character, Character> m = new java.util.HashMap<>();
        String cyrillic = "аАвВеЕкКмМнНоОрРсСтТуУхХіІјЈѕЅԁһӏ";
        String latin1 = "aABbeEkKmMHhoOpPcCTTyYxXiIjJsSdhl";
        for (int k = 0; k < cyrillic.length(); k++) {
            m.put(cyrillic.charAt(k), latin1.charAt(k));
        }
        String greek = "αΑβΒεΕηΗιΙκΚμΜνΝοΟρΡτΤυΥχΧζΖ";
        String latin2 = "aABBeEnHiIkKuMvNoOpPtTuYxXzZ";
        for (int k = 0; k < greek.length(); k++) {
            m.put(greek.charAt(k), latin2.charAt(k));
        }
        String leet = "0134578"; // not '@' or '$': e-mail addresses and prices are not leetspeak
        String plain = "oieastb";
        for (int k = 0; k < leet.length(); k++) {
            m.put(leet.charAt(k), plain.charAt(k));
        }
        return Map.copyOf(m);
    }
}
