package dev.alignguard.core.classify;

/** Scoring failed (native runtime error, bad model output). The guard turns it into a fail-mode verdict. */
public class ClassifierException extends Exception {
    private static final long serialVersionUID = 1L;

    public ClassifierException(String message) {
        super(message);
    }

    public ClassifierException(String message, Throwable cause) {
        super(message, cause);
    }
}
