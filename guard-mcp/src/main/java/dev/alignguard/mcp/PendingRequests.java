package dev.alignguard.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The client's requests that have not been answered yet, by JSON-RPC id: a tools/call while it is being
 * checked, then every request forwarded to the server until its response arrives or its time runs out.
 * This is what lets the proxy route responses, drop a call cancelled during its check, and answer every open
 * request when the server goes away instead of leaving the client waiting. Thread-safe.
 */
final class PendingRequests {

    /** One open request. {@code forwarded} turns true once the server has it; only then does its clock run. */
    static final class Pending {
        final JsonNode id;
        final String method;
        private volatile boolean forwarded;
        private ScheduledFuture<?> timeout; // guarded by the PendingRequests that holds it

        private Pending(JsonNode id, String method) {
            this.id = id;
            this.method = method;
        }

        boolean forwarded() {
            return forwarded;
        }
    }

    private final Map<String, Pending> open = new HashMap<>();
    private final ScheduledExecutorService timer;
    private final Duration timeout;
    private final Consumer<Pending> onTimeout;
    private boolean closed;

    /**
     * @param timeout   how long the server may take to answer a forwarded request; zero waits forever
     * @param onTimeout called (on {@code timer}) with a request whose time ran out, after it was removed
     */
    PendingRequests(ScheduledExecutorService timer, Duration timeout, Consumer<Pending> onTimeout) {
        this.timer = timer;
        this.timeout = timeout;
        this.onTimeout = onTimeout;
    }

    /** Opens a request that is not forwarded yet; null once the server has gone away. */
    synchronized Pending open(JsonNode id, String method) {
        if (closed) {
            return null;
        }
        Pending p = new Pending(id, method);
        Pending earlier = open.put(JsonRpc.key(id), p);
        if (earlier != null) {
            cancelTimer(earlier);
        }
        return p;
    }

    /**
     * Marks {@code p} as handed to the server and starts its clock; false when it was cancelled or failed in
     * the meantime, in which case it must not be forwarded.
     */
    synchronized boolean forward(Pending p) {
        if (open.get(JsonRpc.key(p.id)) != p) {
            return false;
        }
        p.forwarded = true;
        if (!timeout.isZero()) {
            p.timeout = timer.schedule(() -> expire(p), timeout.toNanos(), TimeUnit.NANOSECONDS);
        }
        return true;
    }

    /** Removes and returns the request with this id (its response arrived, or it was cancelled); null if none. */
    synchronized Pending take(JsonNode id) {
        Pending p = open.remove(JsonRpc.key(id));
        if (p != null) {
            cancelTimer(p);
        }
        return p;
    }

    /** Removes {@code p} if it is still open; false if something else settled it first. */
    synchronized boolean remove(Pending p) {
        if (!open.remove(JsonRpc.key(p.id), p)) {
            return false;
        }
        cancelTimer(p);
        return true;
    }

    /** Refuses new requests from now on and returns every open one, for the caller to fail. */
    synchronized List<Pending> close() {
        closed = true;
        List<Pending> all = new ArrayList<>(open.values());
        all.forEach(PendingRequests::cancelTimer);
        open.clear();
        return all;
    }

    private void expire(Pending p) {
        if (remove(p)) {
            onTimeout.accept(p);
        }
    }

    private static void cancelTimer(Pending p) {
        if (p.timeout != null) {
            p.timeout.cancel(false);
        }
    }
}
