package dev.alignguard.core.corpus;

/**
 * One unit of a corpus as read: its line number (or position) in the input, its id and source when the input
 * names them, and either its text or, for input that could not be read (malformed JSON, no text, an over-long
 * line), an error saying why. Every input unit becomes exactly one {@link CorpusResult}, so nothing is lost.
 *
 * @param line      1-based line number (or position) in the input
 * @param id        the document's id as text, or null
 * @param numericId whether the id was a JSON number (written back as one)
 * @param source    the input's {@code source} field (a crawl, a site, a book series), or null
 * @param text      the text to audit, or null for an unreadable unit
 * @param error     why the unit could not be read, or null
 */
public record CorpusDocument(long line, String id, boolean numericId, String source, String text, String error) {

    /** @throws IllegalArgumentException unless exactly one of {@code text} and {@code error} is given */
    public CorpusDocument {
        if ((text == null) == (error == null)) {
            throw new IllegalArgumentException("a corpus document has a text or an error, not both or neither");
        }
    }

    /** A readable document. */
    public static CorpusDocument of(long line, String id, String source, String text) {
        return new CorpusDocument(line, id, false, source, text, null);
    }

    /** An input unit that could not be read. */
    public static CorpusDocument unreadable(long line, String id, String error) {
        return new CorpusDocument(line, id, false, null, null, error);
    }
}
