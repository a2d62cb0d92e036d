package dev.alignguard.server;

/**
 * A request the server answers without a verdict: the HTTP status, a message for the client that names the
 * problem (never the request's text), and how many seconds to wait before retrying (0: do not send
 * {@code Retry-After}).
 */
final class Rejection extends Exception {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final int retryAfterSeconds;

    Rejection(int status, String message) {
        this(status, message, 0);
    }

    Rejection(int status, String message, int retryAfterSeconds) {
        super(message, null, false, false);
        this.status = status;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    int status() {
        return status;
    }

    int retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
