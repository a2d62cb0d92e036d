package dev.alignguard.server;

import java.time.Duration;
import java.util.Objects;

/**
 * How the guard server listens and how much it accepts: the address and port, the bearer token (null: none),
 * the largest request body, the per-request deadline (reading the body and waiting for a worker), how many
 * checks run at once, how many requests may wait for one, and the most actions in one batch.
 *
 * @param bind         host name or address to listen on ({@code 127.0.0.1} by default)
 * @param port         TCP port, 0 for any free one
 * @param token        the bearer token clients must send, or null when none is required
 * @param maxBodyBytes the largest request body accepted (413 beyond it)
 * @param deadline     how long a request may take to arrive and reach a worker (408 or 503 beyond it)
 * @param workers      checks running at once
 * @param queue        requests waiting for a worker; one more gets 429
 * @param maxBatch     most actions in one {@code /v1/check/batch} request
 */
public record ServerSettings(String bind, int port, String token, int maxBodyBytes, Duration deadline, int workers,
                             int queue, int maxBatch) {
    /** The default port, {@value}. */
    public static final int DEFAULT_PORT = 8787;

    public ServerSettings {
        Objects.requireNonNull(bind, "bind");
        Objects.requireNonNull(deadline, "deadline");
        require(port >= 0 && port <= 65_535, "port must be between 0 and 65535, got " + port);
        require(token == null || !token.isBlank(), "the bearer token must not be blank");
        require(maxBodyBytes >= 1024, "the body limit must be at least 1024 bytes, got " + maxBodyBytes);
        require(!deadline.isNegative() && !deadline.isZero(), "the deadline must be positive, got " + deadline);
        require(workers >= 1 && workers <= 256, "workers must be between 1 and 256, got " + workers);
        require(queue >= 0 && queue <= 10_000, "the queue must hold 0 to 10000 requests, got " + queue);
        require(maxBatch >= 1 && maxBatch <= 1024, "the batch limit must be between 1 and 1024, got " + maxBatch);
    }

    /**
     * Loopback, no token, 1 MiB bodies, a 5 s deadline, one worker per processor, 64 waiting requests, batches
     * of at most 64 actions.
     */
    public static ServerSettings defaults() {
        return new ServerSettings("127.0.0.1", DEFAULT_PORT, null, 1 << 20, Duration.ofSeconds(5),
                Runtime.getRuntime().availableProcessors(), 64, 64);
    }

    public ServerSettings withBind(String host, int newPort) {
        return new ServerSettings(host, newPort, token, maxBodyBytes, deadline, workers, queue, maxBatch);
    }

    public ServerSettings withToken(String newToken) {
        return new ServerSettings(bind, port, newToken, maxBodyBytes, deadline, workers, queue, maxBatch);
    }

    public ServerSettings withLimits(int newMaxBodyBytes, Duration newDeadline) {
        return new ServerSettings(bind, port, token, newMaxBodyBytes, newDeadline, workers, queue, maxBatch);
    }

    public ServerSettings withCapacity(int newWorkers, int newQueue, int newMaxBatch) {
        return new ServerSettings(bind, port, token, maxBodyBytes, deadline, newWorkers, newQueue, newMaxBatch);
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
