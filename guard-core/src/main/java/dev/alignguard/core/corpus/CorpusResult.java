package dev.alignguard.core.corpus;

/**
 * The outcome for one input unit: the document and its audit, or the error that kept it from being audited
 * (unreadable input, a failing model). Exactly one of {@code audit} and {@code error} is non-null.
 */
public record CorpusResult(CorpusDocument document, DocumentAudit audit, String error) {

    /** @throws IllegalArgumentException unless exactly one of {@code audit} and {@code error} is given */
    public CorpusResult {
        if (document == null || (audit == null) == (error == null)) {
            throw new IllegalArgumentException("a corpus result has a document and an audit or an error");
        }
    }

    /** The document's line number in the input. */
    public long line() {
        return document.line();
    }
}
