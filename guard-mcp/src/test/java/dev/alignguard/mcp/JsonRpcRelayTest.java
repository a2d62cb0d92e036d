package dev.alignguard.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.alignguard.core.ApprovalHandler;
import dev.alignguard.core.Decision;
import dev.alignguard.core.Guard;
import dev.alignguard.core.GuardConfig;
import dev.alignguard.core.audit.AuditEvent;
import dev.alignguard.core.classify.Classifier;
import dev.alignguard.core.testing.RecordingAuditSink;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The relay in-process, with the test as both client and server on raw JSON-RPC lines and the bundled
 * model behind the guard: what is relayed as it arrived, what is checked, refused, dropped or answered.
 */
class JsonRpcRelayTest {
    /** Every test line fits; the over-long tests go past it without needing much memory. */
    private static final int MAX_LINE_CHARS = 1024;
    private static final JsonRpcRelay.Limits LIMITS = new JsonRpcRelay.Limits(2, 16, Duration.ZERO, MAX_LINE_CHARS);

    private final RecordingAuditSink audit = new RecordingAuditSink();
    private Wire wire;

    @AfterEach
    void closeWire() throws IOException {
        if (wire != null) {
            wire.close();
        }
    }

    private Wire relay(Classifier classifier, ApprovalHandler approvals, GuardConfig config,
                       JsonRpcRelay.Limits limits) {
        Guard guard = Guard.builder().classifier(classifier).config(config).auditSink(audit)
                .approvalHandler(approvals).build();
        McpSession session = new McpSession();
        wire = new Wire(new ToolCallInspector(guard, session), session, limits);
        return wire;
    }

    private Wire relay() {
        return relay(Calls.MODEL, ApprovalHandler.DENY, GuardConfig.defaults(), LIMITS);
    }

    private Wire relay(Classifier classifier, JsonRpcRelay.Limits limits) {
        return relay(classifier, ApprovalHandler.DENY, GuardConfig.defaults(), limits);
    }

    private AuditEvent onlyAuditEvent() throws InterruptedException {
        for (int i = 0; i < 200 && audit.events.isEmpty(); i++) {
            Thread.sleep(10);
        }
        assertEquals(1, audit.events.size(), "audit events: " + audit.events);
        return audit.events.get(0);
    }

    private static void assertError(JsonNode msg, String id, int code) {
        assertEquals(Wire.parse(id), msg.get("id"), msg.toString());
        assertEquals(code, msg.path("error").path("code").asInt(), msg.toString());
    }

    /** What the relay logs (slf4j-simple writes to whatever {@code System.err} is) while {@code body} runs. */
    private static String stderrDuring(Runnable body) {
        PrintStream saved = System.err;
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            body.run();
        } finally {
            System.setErr(saved);
        }
        return err.toString(StandardCharsets.UTF_8);
    }

    /** A read_file call padded to exactly {@code chars} chars. */
    private static String readFileOfLength(String id, int chars) {
        String unpadded = Calls.readFile(id, "/srv/");
        String call = Calls.readFile(id, "/srv/" + "a".repeat(chars - unpadded.length()));
        assertEquals(chars, call.length());
        return call;
    }

    @Test
    void forwardsABenignCallUnchangedAndReturnsTheServersResult() throws Exception {
        Wire w = relay();
        String call = Calls.email("5", Calls.BENIGN_BODY);
        w.client(call);
        assertEquals(call, w.serverLine());
        String result = Calls.result("5", "sent");
        w.server(result);
        assertEquals(result, w.clientLine());
        AuditEvent event = onlyAuditEvent();
        assertEquals(Decision.ALLOW, event.verdict().decision());
        assertEquals("send_email", event.tool());
        assertEquals("5", event.context().requestId());
    }

    @Test
    void refusesABlackmailCallInTheServersPlaceNamingTheCategoryAndEvidence() throws Exception {
        Wire w = relay();
        w.client(Calls.email("\"mail-7\"", Calls.BLACKMAIL_BODY));
        JsonNode reply = w.clientGets();
        assertEquals("mail-7", reply.get("id").textValue(), "a string id stays a string");
        JsonNode result = reply.get("result");
        assertTrue(result.get("isError").booleanValue());
        assertEquals("text", result.at("/content/0/type").textValue());
        String text = result.at("/content/0/text").textValue();
        assertTrue(text.contains("send_email was blocked because it looks like blackmail"), text);
        assertTrue(text.contains("Evidence: blackmail") && text.contains("in arguments.body: \"Dan, I have copies"),
                text);
        assertEquals("BLOCK", result.at("/_meta/dev.alignguard~1verdict/decision").textValue());
        w.roundTrip(8); // the server's next message is the ping: the e-mail never reached it
        AuditEvent event = onlyAuditEvent();
        assertEquals(Decision.BLOCK, event.verdict().decision());
        assertEquals("mail-7", event.context().requestId());
    }

    @Test
    void answersClientGarbageWithAParseErrorAndKeepsRelaying() {
        Wire w = relay();
        w.client("this is not json");
        assertError(w.clientGets(), "null", JsonRpc.PARSE_ERROR);
        w.client("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":");
        assertError(w.clientGets(), "null", JsonRpc.PARSE_ERROR);
        w.client("42");
        assertError(w.clientGets(), "null", JsonRpc.INVALID_REQUEST);
        w.roundTrip(2);
        String call = Calls.readFile("3", "/srv/notes.txt");
        w.client(call);
        assertEquals(call, w.serverLine());
    }

    @Test
    void logsServerGarbageAndKeepsRelaying() {
        Wire w = relay();
        w.server("npm WARN deprecated something@1.0.0");
        w.server("[1, 2");
        w.server("\"a string\"");
        w.roundTrip(1);
    }

    @Test
    void relaysEverythingButToolCallsAsTheLinesThatArrived() {
        Wire w = relay();
        String initialize = "{ \"jsonrpc\" : \"2.0\", \"id\" : \"init-1\", \"method\" : \"initialize\", \"params\" : "
                + "{\"protocolVersion\":\"2099-01-01\",\"capabilities\":{\"x-future\":{\"n\":1.50}},"
                + "\"clientInfo\":{\"name\":\"t\\u00e9st\",\"version\":\"1\"}} }";
        w.client(initialize);
        assertEquals(initialize, w.serverLine());
        String initialized = "{\"jsonrpc\":\"2.0\",\"id\":\"init-1\",\"result\":{\"protocolVersion\":\"2099-01-01\","
                + "\"capabilities\":{\"tools\":{}},\"serverInfo\":{\"name\":\"s\",\"version\":\"1\"},\"extra\":[1e3]}}";
        w.server(initialized);
        assertEquals(initialized, w.clientLine());
        String notification = "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}";
        w.client(notification);
        assertEquals(notification, w.serverLine());
        String sampling = "{\"jsonrpc\":\"2.0\",\"id\":99,\"method\":\"sampling/createMessage\",\"params\":{}}";
        w.server(sampling);
        assertEquals(sampling, w.clientLine());
        String answer = "{\"jsonrpc\":\"2.0\",\"id\":99,\"result\":{\"role\":\"assistant\"}}";
        w.client(answer);
        assertEquals(answer, w.serverLine());
        String progress = "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/progress\",\"params\":{\"progress\":1}}";
        w.server(progress);
        assertEquals(progress, w.clientLine());
    }

    @Test
    void keepsStringAndNumberIdsApart() {
        Wire w = relay();
        String number = Calls.readFile("1", "/srv/a.txt");
        String string = Calls.readFile("\"1\"", "/srv/b.txt");
        w.client(number);
        w.client(string);
        assertEquals(Set.of(number, string), new HashSet<>(List.of(w.serverLine(), w.serverLine())));
        w.server(Calls.result("\"1\"", "b"));
        w.server(Calls.result("1", "a"));
        JsonNode first = w.clientGets();
        JsonNode second = w.clientGets();
        assertTrue(first.get("id").isTextual() && first.toString().contains("\"text\":\"b\""), first.toString());
        assertTrue(second.get("id").isNumber() && second.toString().contains("\"text\":\"a\""), second.toString());
    }

    @Test
    void relaysOtherTrafficWhileAToolCallIsBeingChecked() throws Exception {
        HeldClassifier held = new HeldClassifier();
        Wire w = relay(held, LIMITS);
        String slow = Calls.readFile("1", "/srv/" + HeldClassifier.MARKER + ".txt");
        w.client(slow);
        assertTrue(held.holding.await(20, TimeUnit.SECONDS));
        w.roundTrip(2);
        String fast = Calls.readFile("3", "/srv/other.txt");
        w.client(fast);
        assertEquals(fast, w.serverLine(), "a later call overtakes one that is still being checked");
        held.release();
        assertEquals(slow, w.serverLine());
    }

    @Test
    void dropsACallTheClientCancelsDuringItsCheck() throws Exception {
        HeldClassifier held = new HeldClassifier();
        Wire w = relay(held, LIMITS);
        w.client(Calls.readFile("1", "/srv/" + HeldClassifier.MARKER + ".txt"));
        assertTrue(held.holding.await(20, TimeUnit.SECONDS));
        w.client("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\",\"params\":{\"requestId\":1}}");
        w.roundTrip(2); // the relay reads the client in order: the cancellation has been handled
        held.release();
        onlyAuditEvent();
        w.serverGetsNothingWithin(300);
        w.roundTrip(3); // and the client got no answer to the cancelled call either
    }

    @Test
    void forwardsTheCancellationOfACallTheServerHasAndDropsItsLateAnswer() {
        Wire w = relay();
        String call = Calls.readFile("4", "/srv/big.txt");
        w.client(call);
        assertEquals(call, w.serverLine());
        String cancel = "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\",\"params\":{\"requestId\":4,"
                + "\"reason\":\"user pressed stop\"}}";
        w.client(cancel);
        assertEquals(cancel, w.serverLine());
        w.server(Calls.result("4", "too late"));
        w.roundTrip(5);
    }

    @Test
    void answersOpenRequestsWithAnErrorWhenTheServerGoesAway() throws Exception {
        Wire w = relay();
        w.client(Calls.readFile("1", "/srv/a.txt"));
        w.serverLine();
        w.client("{\"jsonrpc\":\"2.0\",\"id\":\"list\",\"method\":\"tools/list\"}");
        w.serverLine();
        w.serverExits();
        Set<JsonNode> ids = new HashSet<>();
        for (int i = 0; i < 2; i++) {
            JsonNode error = w.clientGets();
            assertEquals(JsonRpc.CONNECTION_CLOSED, error.at("/error/code").asInt(), error.toString());
            assertTrue(error.at("/error/message").textValue().contains("closed the connection"), error.toString());
            ids.add(error.get("id"));
        }
        assertEquals(Set.of(Wire.parse("1"), Wire.parse("\"list\"")), ids);
        assertEquals(JsonRpcRelay.End.SERVER_CLOSED, w.end());
    }

    @Test
    void answersWithATimeoutErrorAndCancelsAtTheServerWhenItDoesNotAnswer() {
        Wire w = relay(Calls.MODEL, new JsonRpcRelay.Limits(2, 16, Duration.ofMillis(500), MAX_LINE_CHARS));
        String call = Calls.readFile("9", "/srv/slow.txt");
        w.client(call);
        assertEquals(call, w.serverLine());
        JsonNode error = w.clientGets();
        assertError(error, "9", JsonRpc.REQUEST_TIMEOUT);
        assertTrue(error.at("/error/message").textValue().contains("did not answer tools/call within 500 ms"),
                error.toString());
        JsonNode cancel = w.serverGets();
        assertEquals("notifications/cancelled", cancel.get("method").textValue());
        assertEquals(9, cancel.at("/params/requestId").asInt());
        w.server(Calls.result("9", "too late"));
        w.roundTrip(10);
    }

    @Test
    void refusesCallsBeyondTheCheckQueueInsteadOfForwardingThem() throws Exception {
        HeldClassifier held = new HeldClassifier();
        Wire w = relay(held, new JsonRpcRelay.Limits(1, 1, Duration.ZERO, MAX_LINE_CHARS));
        String checking = Calls.readFile("1", "/srv/" + HeldClassifier.MARKER + ".txt");
        w.client(checking);
        assertTrue(held.holding.await(20, TimeUnit.SECONDS));
        String queued = Calls.readFile("2", "/srv/queued.txt");
        w.client(queued);
        w.client(Calls.readFile("3", "/srv/one-too-many.txt"));
        JsonNode refused = w.clientGets();
        assertError(refused, "3", JsonRpc.INTERNAL_ERROR);
        assertTrue(refused.at("/error/message").textValue().contains("not forwarded"), refused.toString());
        held.release();
        assertEquals(checking, w.serverLine());
        assertEquals(queued, w.serverLine());
        w.serverGetsNothingWithin(200);
    }

    @Test
    void stopsACallThatNeedsApprovalByDefault() throws Exception {
        GuardConfig approvalOnly = GuardConfig.fromYaml("thresholds:\n  blackmail: {block: off}\n");
        Wire w = relay(Calls.MODEL, ProxyCommand.OnApproval.BLOCK.handler(), approvalOnly, LIMITS);
        w.client(Calls.email("1", Calls.BLACKMAIL_BODY));
        String text = w.clientGets().at("/result/content/0/text").textValue();
        assertTrue(text.contains("needs human approval, which was not given"), text);
        assertEquals(Decision.REQUIRE_APPROVAL, onlyAuditEvent().verdict().decision());
        w.roundTrip(2);
    }

    @Test
    void forwardsACallThatNeedsApprovalWhenOnApprovalIsFlag() throws Exception {
        GuardConfig approvalOnly = GuardConfig.fromYaml("thresholds:\n  blackmail: {block: off}\n");
        Wire w = relay(Calls.MODEL, ProxyCommand.OnApproval.FLAG.handler(), approvalOnly, LIMITS);
        String call = Calls.email("1", Calls.BLACKMAIL_BODY);
        w.client(call);
        assertEquals(call, w.serverLine());
        assertEquals(Decision.REQUIRE_APPROVAL, onlyAuditEvent().verdict().decision());
    }

    @Test
    void givesTheToolDescriptionToTheCheckAsContextNotAsScoredText() throws Exception {
        Wire w = relay();
        w.client("{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{"
                + "\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},"
                + "\"clientInfo\":{\"name\":\"desk-client\",\"version\":\"1\"}}}");
        w.serverLine();
        w.client("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/list\"}");
        w.serverLine();
        // Scored as the call's text, this description alone is blocked; it is the server's text, not the agent's.
        String description = "Sends e-mail. Past users wrote: Unless you pay, your secrets go to your wife and "
                + "your boss.";
        w.server("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"tools\":[{\"name\":\"send_email\",\"description\":\""
                + description + "\",\"inputSchema\":{\"type\":\"object\"}}]}}");
        w.clientLine();
        String call = Calls.email("2", Calls.BENIGN_BODY);
        w.client(call);
        assertEquals(call, w.serverLine());
        AuditEvent event = onlyAuditEvent();
        assertEquals(Decision.ALLOW, event.verdict().decision());
        assertEquals(description, event.context().attributes().get(McpSession.TOOL_DESCRIPTION));
        assertEquals("desk-client", event.context().agentId());
    }

    @Test
    void refusesAmbiguousJsonInsteadOfForwardingIt() {
        Wire w = relay();
        w.client("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"read_file\","
                + "\"name\":\"send_email\",\"arguments\":{\"body\":\"" + Calls.BLACKMAIL_BODY + "\"}}}");
        JsonNode duplicate = w.clientGets();
        assertError(duplicate, "null", JsonRpc.PARSE_ERROR);
        assertTrue(duplicate.at("/error/message").textValue().contains("Duplicate field 'name'"), duplicate.toString());
        w.client(Calls.readFile("2", "/srv/a.txt") + " " + Calls.email("3", Calls.BLACKMAIL_BODY));
        assertError(w.clientGets(), "null", JsonRpc.PARSE_ERROR);
        w.roundTrip(4);
    }

    @Test
    void refusesABatchThatHoldsAToolCallAndRelaysOtherBatches() {
        Wire w = relay();
        w.client("[" + Calls.readFile("1", "/srv/a.txt") + ",{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"ping\"},"
                + "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}]");
        JsonNode errors = w.clientGets();
        assertEquals(2, errors.size(), errors.toString());
        assertError(errors.get(0), "1", JsonRpc.INVALID_REQUEST);
        assertError(errors.get(1), "2", JsonRpc.INVALID_REQUEST);
        String batch = "[{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"ping\"},"
                + "{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"ping\"}]";
        w.client(batch);
        assertEquals(batch, w.serverLine());
        String answers = "[{\"jsonrpc\":\"2.0\",\"id\":3,\"result\":{}},{\"jsonrpc\":\"2.0\",\"id\":4,\"result\":{}}]";
        w.server(answers);
        assertEquals(answers, w.clientLine());
    }

    @Test
    void doesNotForwardAToolCallWithoutAToolName() {
        Wire w = relay();
        w.client("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"arguments\":{}}}");
        assertError(w.clientGets(), "1", JsonRpc.INVALID_PARAMS);
        w.roundTrip(2);
    }

    @Test
    void overLongClientLineGetsAnInvalidRequestErrorAndRelayGoesOn() {
        Wire w = relay();
        w.client(readFileOfLength("1", MAX_LINE_CHARS + 1));
        JsonNode error = w.clientGets();
        assertError(error, "null", JsonRpc.INVALID_REQUEST);
        String message = error.at("/error/message").textValue();
        assertTrue(message.startsWith("Invalid Request: the line exceeded --max-line-chars " + MAX_LINE_CHARS),
                message);
        w.client(Calls.email("2", Calls.BLACKMAIL_BODY + " " + "x".repeat(100_000)));
        assertError(w.clientGets(), "null", JsonRpc.INVALID_REQUEST);
        w.roundTrip(3); // the server's next message is the ping: neither call reached it
        assertTrue(audit.events.isEmpty(), "an over-long line is not checked either: " + audit.events);
        String atTheLimit = readFileOfLength("4", MAX_LINE_CHARS);
        w.client(atTheLimit);
        assertEquals(atTheLimit, w.serverLine());
    }

    @Test
    void overLongServerLineIsDroppedAndLogged() {
        Wire w = relay(Calls.MODEL, new JsonRpcRelay.Limits(2, 16, Duration.ofMillis(500), MAX_LINE_CHARS));
        String call = Calls.readFile("1", "/srv/big.txt");
        w.client(call);
        assertEquals(call, w.serverLine());
        String result = Calls.result("1", "SECRET-CONTENTS " + "z".repeat(100_000));
        String stderr = stderrDuring(() -> {
            w.server(result);
            // the dropped line's id cannot be known, so the request stays open until the call timeout
            assertError(w.clientGets(), "1", JsonRpc.REQUEST_TIMEOUT);
            assertEquals("notifications/cancelled", w.serverGets().get("method").textValue());
            w.roundTrip(2); // the server is read in order: the over-long line has been handled
        });
        assertTrue(stderr.contains("dropped a line of " + result.length() + " chars from the MCP server"), stderr);
        assertFalse(stderr.contains("SECRET-CONTENTS"), "the content is never logged");
    }

    @Test
    void crInsideAMessageDoesNotSplitIt() throws Exception {
        Wire w = relay();
        String ping = "{\"jsonrpc\":\"2.0\",\r\"id\":1,\r\"method\":\"ping\"}";
        w.client(ping);
        assertEquals(ping, w.serverLine());
        String pong = "{\"jsonrpc\":\"2.0\",\r\"id\":1,\r\"result\":{}}";
        w.server(pong);
        assertEquals(pong, w.clientLine());
        String call = Calls.readFile("2", "/srv/a.txt").replace(",", ",\r");
        w.client(call);
        assertEquals(call, w.serverLine(), "checked as one message and forwarded as it arrived");
        assertEquals("2", onlyAuditEvent().context().requestId());
        String crlf = Calls.readFile("3", "/srv/b.txt");
        w.client(crlf + "\r"); // sent with \r\n: the \r is part of the line end
        assertEquals(crlf, w.serverLine());
    }
}
