package dev.alignguard.mcp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.alignguard.core.io.BoundedLineReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Relays MCP JSON-RPC between the client and the server, one message per line, each relayed as the line it
 * arrived as, except {@code tools/call}: that is checked first, on a bounded executor, so other traffic keeps
 * flowing while the model runs. The relay keeps ids, drops a call the client cancels during its check,
 * answers garbage from the client with a parse error, skips garbage from the server, and answers every open
 * request with an error when the server goes away or does not answer in time: a request is never left
 * hanging and never forwarded unchecked.
 *
 * <p>Lines are split on {@code \n} only, as MCP's stdio transport delimits them, and none is held beyond
 * {@link Limits#maxLineChars()}. A longer line is never relayed: from the client it is answered with an
 * Invalid Request error (id null: its id is in the dropped text); from the server it is logged by length and
 * dropped, and since the request it may have answered cannot be known, that request stays open until the
 * call timeout answers it (with no call timeout, it stays open).
 */
final class JsonRpcRelay {
    private static final Logger LOG = LoggerFactory.getLogger(JsonRpcRelay.class);
    private static final int LOGGED_CHARS = 200;

    /** Which side closed its stream first. */
    enum End { CLIENT_CLOSED, SERVER_CLOSED }

    /** One side of the relay: the stream it sends on and the stream it reads. */
    record Endpoint(InputStream in, OutputStream out) {
    }

    /**
     * @param checkThreads how many tools/call are checked at once
     * @param queuedChecks how many more may wait for a check; a call beyond that is refused, never forwarded
     * @param callTimeout  how long the server may take to answer a request; zero waits forever
     * @param maxLineChars the longest line, in chars, read from either side; a longer one is not relayed
     */
    record Limits(int checkThreads, int queuedChecks, Duration callTimeout, int maxLineChars) {
        Limits {
            if (checkThreads < 1 || queuedChecks < 1) {
                throw new IllegalArgumentException("need at least one check thread and one queue slot");
            }
            if (callTimeout.isNegative()) {
                throw new IllegalArgumentException("call timeout must not be negative, got " + callTimeout);
            }
            if (maxLineChars < 1) {
                throw new IllegalArgumentException("max line chars must be at least 1, got " + maxLineChars);
            }
        }
    }

    private final Endpoint clientEnd;
    private final Endpoint serverEnd;
    private final LineChannel client;
    private final LineChannel server;
    private final ToolCallInspector inspector;
    private final McpSession session;
    private final Duration callTimeout;
    private final int maxLineChars;
    private final ThreadPoolExecutor checks;
    private final ScheduledExecutorService timer;
    private final PendingRequests pending;
    private final CompletableFuture<End> ended = new CompletableFuture<>();

    JsonRpcRelay(Endpoint client, Endpoint server, ToolCallInspector inspector, McpSession session, Limits limits) {
        this.clientEnd = client;
        this.serverEnd = server;
        this.client = new LineChannel("MCP client", client.out());
        this.server = new LineChannel("MCP server", server.out());
        this.inspector = inspector;
        this.session = session;
        this.callTimeout = limits.callTimeout();
        this.maxLineChars = limits.maxLineChars();
        this.checks = new ThreadPoolExecutor(limits.checkThreads(), limits.checkThreads(), 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(limits.queuedChecks()), daemons("alignguard-mcp-check"));
        ScheduledThreadPoolExecutor clock = new ScheduledThreadPoolExecutor(1, daemons("alignguard-mcp-timer"));
        clock.setRemoveOnCancelPolicy(true); // most requests are answered: do not keep their timers queued
        this.timer = clock;
        this.pending = new PendingRequests(timer, callTimeout, this::timedOut);
    }

    /**
     * Relays until one side closes its stream. When it is the server, every open request has been answered
     * with an error by the time this returns. Neither stream is closed here.
     */
    End run() throws InterruptedException {
        daemons("alignguard-mcp-client-reader")
                .newThread(() -> read(clientEnd.in(), this::fromClient, this::overLongFromClient, End.CLIENT_CLOSED))
                .start();
        daemons("alignguard-mcp-server-reader")
                .newThread(() -> read(serverEnd.in(), this::fromServer, this::overLongFromServer, End.SERVER_CLOSED))
                .start();
        try {
            return ended.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("the relay never completes exceptionally", e);
        } finally {
            checks.shutdownNow();
            timer.shutdownNow();
        }
    }

    private void read(InputStream in, Consumer<String> handler, LongConsumer overLong, End end) {
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        try (Reader decoded = new InputStreamReader(in, decoder)) {
            BoundedLineReader lines = new BoundedLineReader(decoded, maxLineChars);
            for (BoundedLineReader.Line line = lines.next(); line != null; line = lines.next()) {
                if (!line.overLong() && line.text().isBlank()) {
                    continue;
                }
                try {
                    if (line.overLong()) {
                        overLong.accept(line.length());
                    } else {
                        handler.accept(line.text());
                    }
                } catch (RuntimeException e) { // a bug here must not end the session; the message is not forwarded
                    LOG.error("could not relay a message of {} chars from the {}", line.length(),
                            end == End.CLIENT_CLOSED ? "client" : "server", e);
                }
            }
        } catch (IOException e) {
            LOG.warn("reading from the {} failed: {}", end == End.CLIENT_CLOSED ? "client" : "server", e.toString());
        } finally {
            if (end == End.SERVER_CLOSED) {
                failOpenRequests();
            }
            ended.complete(end);
        }
    }

    private void fromClient(String line) {
        JsonNode msg;
        try {
            msg = JsonRpc.parseClient(line);
        } catch (JsonProcessingException e) {
            LOG.warn("answered a malformed message of {} chars from the client with a parse error: {}", line.length(),
                    JsonRpc.describe(e));
            client.send(JsonRpc.error(null, JsonRpc.PARSE_ERROR, "Parse error: " + JsonRpc.describe(e)));
            return;
        }
        if (msg.isArray()) {
            fromClientBatch(line, msg);
        } else if (!msg.isObject()) {
            client.send(JsonRpc.error(null, JsonRpc.INVALID_REQUEST,
                    "Invalid Request: a JSON-RPC message is an object or a batch array"));
        } else if (!msg.has("method")) {
            server.send(line); // the client's response to a request of the server's
        } else {
            route(line, msg, msg.get("method").asText(), msg.get("id"));
        }
    }

    private void overLongFromClient(long chars) {
        LOG.warn("answered a line of {} chars from the client with an error: it exceeds --max-line-chars {}; "
                + "not forwarded", chars, maxLineChars);
        client.send(JsonRpc.error(null, JsonRpc.INVALID_REQUEST, "Invalid Request: the line exceeded "
                + "--max-line-chars " + maxLineChars + " (it had " + chars + " chars); AlignGuard did not forward it"));
    }

    private void route(String line, JsonNode msg, String method, JsonNode id) {
        switch (method) {
            case JsonRpc.TOOLS_CALL -> check(line, msg, id);
            case JsonRpc.CANCELLED -> cancel(line, msg.path("params").get("requestId"));
            default -> {
                if (JsonRpc.INITIALIZE.equals(method)) {
                    session.initializing(msg.get("params"));
                }
                if (id == null || track(id, method)) {
                    server.send(line);
                }
            }
        }
    }

    /** Opens and forwards a request; false (and the client is answered) when the server is gone. */
    private boolean track(JsonNode id, String method) {
        PendingRequests.Pending p = pending.open(id, method);
        if (p == null) {
            client.send(JsonRpc.error(id, JsonRpc.CONNECTION_CLOSED, serverGone(method)));
            return false;
        }
        return pending.forward(p);
    }

    private void check(String line, JsonNode msg, JsonNode id) {
        PendingRequests.Pending p = id == null ? null : pending.open(id, JsonRpc.TOOLS_CALL);
        if (id != null && p == null) {
            client.send(JsonRpc.error(id, JsonRpc.CONNECTION_CLOSED, serverGone(JsonRpc.TOOLS_CALL)));
            return;
        }
        try {
            checks.execute(() -> decide(line, msg.get("params"), id, p));
        } catch (RejectedExecutionException e) {
            LOG.warn("refused tools/call {}: {} calls are already waiting for a check", id, checks.getQueue().size());
            if (p != null && pending.remove(p)) {
                client.send(JsonRpc.error(id, JsonRpc.INTERNAL_ERROR, "AlignGuard: too many tool calls are waiting "
                        + "for a safety check; this one was not forwarded. Retry it later."));
            }
        }
    }

    private void decide(String line, JsonNode params, JsonNode id, PendingRequests.Pending p) {
        ToolCallInspector.Outcome outcome;
        try {
            outcome = inspector.inspect(id, params);
        } catch (RuntimeException e) { // the guard handles its own failures; this is a bug here: fail closed
            LOG.error("checking tools/call {} failed; not forwarded", id, e);
            outcome = new ToolCallInspector.Outcome(JsonRpc.error(id, JsonRpc.INTERNAL_ERROR,
                    "AlignGuard could not check this call; it was not forwarded."));
        }
        if (outcome.forward()) {
            if (p == null || pending.forward(p)) {
                server.send(line);
            } else {
                LOG.info("tools/call {} was settled during its check (cancelled or the server left); dropped", id);
            }
        } else if (p != null && pending.remove(p)) {
            client.send(outcome.reply());
        }
    }

    private void cancel(String line, JsonNode requestId) {
        PendingRequests.Pending p = requestId == null ? null : pending.take(requestId);
        if (p != null && !p.forwarded()) {
            LOG.info("the client cancelled {} {} during its check; it will not be forwarded", p.method, requestId);
            return; // the server never saw the request, so it has nothing to cancel
        }
        server.send(line);
    }

    /**
     * JSON-RPC batches (removed from MCP in 2025-06-18) are relayed whole when they hold no tools/call. One
     * with a tools/call is refused whole: splitting it would change what the server receives.
     */
    private void fromClientBatch(String line, JsonNode batch) {
        boolean holdsToolCall = false;
        for (JsonNode m : batch) {
            holdsToolCall |= JsonRpc.TOOLS_CALL.equals(m.path("method").asText());
        }
        if (holdsToolCall) {
            ArrayNode replies = JsonRpc.array();
            for (JsonNode m : batch) {
                if (m.has("method") && m.has("id")) {
                    replies.add(JsonRpc.errorNode(m.get("id"), JsonRpc.INVALID_REQUEST, "AlignGuard does not forward "
                            + "a batch that holds a tools/call; send each message on its own"));
                }
            }
            if (!replies.isEmpty()) {
                client.send(JsonRpc.write(replies));
            }
            return;
        }
        for (JsonNode m : batch) {
            if (m.has("method") && m.has("id")) {
                track(m.get("id"), m.get("method").asText());
            }
        }
        server.send(line);
    }

    private void fromServer(String line) {
        JsonNode msg;
        try {
            msg = JsonRpc.parseServer(line);
        } catch (JsonProcessingException e) {
            LOG.warn("skipped a line from the MCP server that is not JSON: {}", abbreviate(line));
            return;
        }
        if (msg.isArray()) {
            msg.forEach(this::settle);
            client.send(line);
        } else if (!msg.isObject()) {
            LOG.warn("skipped a line from the MCP server that is not a JSON-RPC message: {}", abbreviate(line));
        } else if (msg.has("method") || settle(msg)) {
            client.send(line); // the server's own requests and notifications, and awaited responses
        } else {
            LOG.info("dropped the server's response to {}: the request was cancelled, timed out or never made",
                    msg.get("id"));
        }
    }

    private void overLongFromServer(long chars) {
        LOG.warn("dropped a line of {} chars from the MCP server: it exceeds --max-line-chars {}; a request it may "
                + "have answered stays open until the call timeout", chars, maxLineChars);
    }

    /** Closes the request a response answers; true when the client is still waiting for it. */
    private boolean settle(JsonNode response) {
        JsonNode id = response.get("id");
        if (id == null || id.isNull()) {
            return response.has("error"); // about a message the server could not read: the client should see it
        }
        PendingRequests.Pending p = pending.take(id);
        if (p == null) {
            return false;
        }
        if (JsonRpc.TOOLS_LIST.equals(p.method)) {
            session.toolsListed(response.get("result"));
        }
        return true;
    }

    private void timedOut(PendingRequests.Pending p) {
        String after = callTimeout.toMillis() % 1000 == 0 ? callTimeout.toSeconds() + " s"
                : callTimeout.toMillis() + " ms";
        LOG.warn("the MCP server did not answer {} {} within {}; answered the client with an error", p.method, p.id,
                after);
        client.send(JsonRpc.error(p.id, JsonRpc.REQUEST_TIMEOUT, "AlignGuard proxy: the MCP server did not answer "
                + p.method + " within " + after + "; the request was cancelled"));
        if (!JsonRpc.INITIALIZE.equals(p.method)) { // MCP forbids cancelling initialize
            server.send(JsonRpc.cancelled(p.id, "no answer within " + after + " (AlignGuard proxy)"));
        }
    }

    private void failOpenRequests() {
        for (PendingRequests.Pending p : pending.close()) {
            client.send(JsonRpc.error(p.id, JsonRpc.CONNECTION_CLOSED, serverGone(p.method)));
        }
    }

    private static String serverGone(String method) {
        return "AlignGuard proxy: the MCP server closed the connection (it exited or crashed) before answering "
                + method;
    }

    private static String abbreviate(String line) {
        return line.length() <= LOGGED_CHARS ? line : line.substring(0, LOGGED_CHARS) + "... (" + line.length()
                + " chars)";
    }

    private static ThreadFactory daemons(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
