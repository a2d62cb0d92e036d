package dev.alignguard.core;

/**
 * Base of every exception AlignGuard throws on purpose, so a host can catch the library's failures in one
 * place. Checks never throw it for bad input: they return a verdict with a warning instead.
 */
public class GuardException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public GuardException(String message) {
        super(message);
    }

    public GuardException(String message, Throwable cause) {
        super(message, cause);
    }
}
