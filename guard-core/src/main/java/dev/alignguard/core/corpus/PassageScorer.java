package dev.alignguard.core.corpus;

import dev.alignguard.core.classify.ClassifierException;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * SPI: a model that gives a passage of prose one probability (the bundle's {@code ai_malevolence} output), and
 * tells the {@link CorpusAuditor} how it counts tokens, so that documents are cut into windows the model reads
 * whole. Implementations must be thread-safe: one scorer serves every thread of an audit.
 */
public interface PassageScorer extends AutoCloseable {

    /** The model as {@code id version}, for reports and error messages. */
    String model();

    /** The threshold the model's bundle recommends (its manifest's {@code ai_malevolence.threshold}), if any. */
    OptionalDouble recommendedThreshold();

    /** The most tokens of text one passage may hold (special tokens excluded); the model cuts longer ones. */
    int maxTokens();

    /**
     * The distance between window starts, in tokens, that the model was trained and measured with (its manifest's
     * {@code stride_tokens}), if it states one; the default states none.
     */
    default OptionalInt recommendedStrideTokens() {
        return OptionalInt.empty();
    }

    /**
     * Reports every word of {@code text} in order, as the model's tokenizer sees it: its character span in
     * {@code text} and how many tokens it is. A window boundary never falls inside a word, so a passage cut at
     * word boundaries gets the same tokens as the document. Counting a word high is harmless (windows get
     * shorter); counting it low makes the model cut windows.
     */
    void words(String text, WordSink sink);

    /**
     * One probability in [0, 1] per passage, in order.
     *
     * @throws ClassifierException when the model fails or returns no valid score
     */
    float[] score(List<String> passages) throws ClassifierException;

    /**
     * One probability in [0, 1] per window of {@code document} (the normalised document the windows were cut from),
     * in order: what the {@link CorpusAuditor} calls. A model with a document-level member reads the whole document
     * here; the default scores the windows alone, as {@link #score(List)}.
     *
     * @throws ClassifierException when the model fails or returns no valid score
     */
    default float[] score(String document, List<String> windows) throws ClassifierException {
        return score(windows);
    }

    /** Releases the model; the default does nothing. */
    @Override
    default void close() {
    }

    /** Receives the words of a text. */
    @FunctionalInterface
    interface WordSink {
        /** The word at {@code [start, end)} of the text, {@code tokens} tokens long (at least 1). */
        void word(int start, int end, int tokens);
    }
}
