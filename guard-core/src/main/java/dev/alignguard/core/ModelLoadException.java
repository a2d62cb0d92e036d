package dev.alignguard.core;

/**
 * The model bundle could not be loaded: missing files, a checksum mismatch, a manifest that does not match
 * the model, or a native runtime that failed to start. Thrown when the guard is built, never during a check.
 */
public class ModelLoadException extends GuardException {
    private static final long serialVersionUID = 1L;

    public ModelLoadException(String message) {
        super(message);
    }

    public ModelLoadException(String message, Throwable cause) {
        super(message, cause);
    }
}
