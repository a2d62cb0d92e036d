package dev.alignguard.mcp;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The JSON-RPC 2.0 the proxy reads and writes itself: parsing each side's lines, and the few messages it
 * composes (error responses, tool results, cancellation notices). Everything else is relayed as the original
 * line, so ids, unknown fields and number formats reach the other side exactly as they were sent.
 */
final class JsonRpc {
    static final String TOOLS_CALL = "tools/call";
    static final String TOOLS_LIST = "tools/list";
    static final String INITIALIZE = "initialize";
    static final String CANCELLED = "notifications/cancelled";

    static final int PARSE_ERROR = -32700;
    static final int INVALID_REQUEST = -32600;
    static final int INVALID_PARAMS = -32602;
    static final int INTERNAL_ERROR = -32603;
    /** MCP SDKs' code for a connection that closed before the response (TypeScript SDK: ConnectionClosed). */
    static final int CONNECTION_CLOSED = -32000;
    /** MCP SDKs' code for a request that was not answered in time (TypeScript SDK: RequestTimeout). */
    static final int REQUEST_TIMEOUT = -32001;

    /**
     * Client messages are decided on, so they must mean one thing: a duplicate key ({@code "name"} twice) or
     * a second value after the first could be read differently by the server than by the guard.
     */
    private static final ObjectMapper CLIENT = mapper(true);
    /** Server messages are only routed; a duplicate key there is the client's business. */
    private static final ObjectMapper SERVER = mapper(false);

    private JsonRpc() {
    }

    private static ObjectMapper mapper(boolean strictKeys) {
        // MCP results may carry large base64 payloads: no limit on string length; --max-line-chars bounds a line.
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE).build())
                .configure(StreamReadFeature.STRICT_DUPLICATE_DETECTION, strictKeys)
                .build();
        return JsonMapper.builder(factory)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES) // an id 1.50 is answered as 1.50
                .build();
    }

    /** Parses one line from the client; ambiguous JSON (duplicate keys, trailing values) is an error. */
    static JsonNode parseClient(String line) throws JsonProcessingException {
        return CLIENT.readTree(line);
    }

    /** Parses one line from the server. */
    static JsonNode parseServer(String line) throws JsonProcessingException {
        return SERVER.readTree(line);
    }

    /** The key under which a request id is tracked: its JSON text, so that {@code 1} and {@code "1"} differ. */
    static String key(JsonNode id) {
        return id.toString();
    }

    /** The id as a person reads it in logs and audit records: {@code 7} or {@code abc}. */
    static String display(JsonNode id) {
        return id.isTextual() ? id.textValue() : id.toString();
    }

    /** An error response; {@code id} may be null (JSON null) when the request's id is unknown. */
    static String error(JsonNode id, int code, String message) {
        return write(errorNode(id, code, message));
    }

    /** {@link #error} as a tree, for a batch response. */
    static ObjectNode errorNode(JsonNode id, int code, String message) {
        ObjectNode msg = envelope(id);
        msg.putObject("error").put("code", code).put("message", message);
        return msg;
    }

    /** A successful response carrying {@code result}. */
    static String result(JsonNode id, JsonNode result) {
        ObjectNode msg = envelope(id);
        msg.set("result", result);
        return write(msg);
    }

    /** A {@code notifications/cancelled} for one of the client's requests that the proxy gave up on. */
    static String cancelled(JsonNode id, String reason) {
        ObjectNode msg = CLIENT.createObjectNode().put("jsonrpc", "2.0").put("method", CANCELLED);
        msg.putObject("params").put("reason", reason).set("requestId", id);
        return write(msg);
    }

    /** An empty object to build a result in. */
    static ObjectNode object() {
        return CLIENT.createObjectNode();
    }

    /** An empty array to build a batch response in. */
    static ArrayNode array() {
        return CLIENT.createArrayNode();
    }

    /** The parser's complaint without its location dump, for error messages. */
    static String describe(JsonProcessingException e) {
        if (e instanceof MismatchedInputException) {
            return "a line must hold exactly one JSON value";
        }
        String m = e.getOriginalMessage();
        return m == null ? e.getClass().getSimpleName() : m;
    }

    private static ObjectNode envelope(JsonNode id) {
        ObjectNode msg = CLIENT.createObjectNode().put("jsonrpc", "2.0");
        msg.set("id", id == null ? NullNode.getInstance() : id);
        return msg;
    }

    /** One message as one line of JSON. */
    static String write(JsonNode message) {
        try {
            return CLIENT.writeValueAsString(message);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree built in memory cannot fail to serialise", e);
        }
    }
}
