package dev.alignguard.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.alignguard.core.Guard;
import dev.alignguard.core.Verdict;
import dev.alignguard.trace.TraceLine;
import dev.alignguard.trace.VerdictJson;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.jetty.server.Request;

/**
 * {@code POST /v1/check} and {@code POST /v1/check/batch}: reads the body within the size limit and the
 * deadline, parses it in the trace format, waits for a worker in the bounded queue, and answers the verdict
 * object of the trace format with the request id the audit record carries. A request is read before it queues,
 * so a slow client never holds a worker.
 */
final class CheckEndpoint {
    private final ServerSettings settings;
    private final Admission admission;

    CheckEndpoint(ServerSettings settings, Admission admission) {
        this.settings = settings;
        this.admission = admission;
    }

    /** One action in, one verdict object out. */
    ObjectNode check(Guard guard, Request request, long deadlineNanos) throws Rejection, InterruptedException {
        TraceLine line = TraceLine.parse(body(request, deadlineNanos));
        if (line.error() != null) {
            throw new Rejection(400, line.error());
        }
        String requestId = UUID.randomUUID().toString();
        enter(deadlineNanos);
        try {
            return result(line, requestId, guard.check(line.action(), line.context().withRequestId(requestId)));
        } finally {
            admission.leave();
        }
    }

    /**
     * {@code {"actions": [...]}} in, {@code {"results": [...]}} out, in order; an action that cannot be read gets
     * {@code {"index", "id"?, "error"}} and the others are still checked. Item {@code i}'s request id is the
     * batch's id followed by {@code -i}.
     */
    ObjectNode checkBatch(Guard guard, Request request, long deadlineNanos) throws Rejection, InterruptedException {
        JsonNode actions = actions(body(request, deadlineNanos));
        String batchId = UUID.randomUUID().toString();
        ObjectNode out = VerdictJson.object();
        ArrayNode results = out.putArray("results");
        enter(deadlineNanos);
        try {
            for (int i = 0; i < actions.size(); i++) {
                TraceLine line = TraceLine.of(actions.get(i));
                if (line.error() != null) {
                    ObjectNode error = results.addObject().put("index", i);
                    VerdictJson.putId(error, line.id());
                    error.put("error", VerdictJson.wellFormed(line.error()));
                } else {
                    String requestId = batchId + "-" + i;
                    results.add(result(line, requestId,
                            guard.check(line.action(), line.context().withRequestId(requestId))));
                }
            }
            return out;
        } finally {
            admission.leave();
        }
    }

    private JsonNode actions(String body) throws Rejection {
        JsonNode root;
        try {
            root = TraceLine.readJson(body);
        } catch (IllegalArgumentException e) {
            throw new Rejection(400, e.getMessage());
        }
        JsonNode actions = root.isObject() ? root.get("actions") : null;
        if (actions == null || !actions.isArray()) {
            throw new Rejection(400, "expected a JSON object with an 'actions' array");
        }
        if (actions.isEmpty() || actions.size() > settings.maxBatch()) {
            throw new Rejection(400, "'actions' must hold 1 to " + settings.maxBatch() + " actions, got "
                    + actions.size());
        }
        return actions;
    }

    private static ObjectNode result(TraceLine line, String requestId, Verdict verdict) {
        ObjectNode o = VerdictJson.object();
        VerdictJson.putId(o, line.id());
        o.put("request_id", requestId);
        o.put("allowed", verdict.allowed());
        return VerdictJson.write(verdict, o);
    }

    private void enter(long deadlineNanos) throws Rejection, InterruptedException {
        switch (admission.enter(deadlineNanos)) {
            case ADMITTED -> {
            }
            case QUEUE_FULL -> throw new Rejection(429, "too many requests: " + settings.workers()
                    + " checks are running and " + settings.queue() + " are waiting; retry later", 1);
            case DEADLINE_PASSED -> throw new Rejection(503, "no worker became free within the deadline of "
                    + settings.deadline().toMillis() + " ms; retry later", 1);
        }
    }

    /**
     * The body as text: at most the size limit, arrived before the deadline, valid UTF-8. A body over the limit
     * is read to its end (up to {@link BodyReader#DRAIN_BYTES}) before the 413, so the answer is not lost to a
     * reset; one that declares a length beyond that gets the 413 at once.
     */
    private String body(Request request, long deadlineNanos) throws Rejection, InterruptedException {
        int max = settings.maxBodyBytes();
        if (request.getLength() > max + BodyReader.DRAIN_BYTES) {
            throw tooLarge(max);
        }
        CompletableFuture<byte[]> read = BodyReader.read(request, max);
        byte[] bytes;
        try {
            bytes = read.get(Math.max(0, deadlineNanos - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            read.cancel(false);
            throw new Rejection(408, "the request body did not arrive within the deadline of "
                    + settings.deadline().toMillis() + " ms");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof BodyReader.TooLarge ? tooLarge(max) : new Rejection(400,
                    "the request body could not be read (" + e.getCause().getClass().getSimpleName() + ")");
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new Rejection(400, "the request body is not valid UTF-8");
        }
    }

    private static Rejection tooLarge(int max) {
        return new Rejection(413, "the request body is larger than the limit of " + max + " bytes");
    }
}
