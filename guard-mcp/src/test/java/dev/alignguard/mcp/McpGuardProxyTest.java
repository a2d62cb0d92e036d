package dev.alignguard.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The proxy as an MCP client runs it: the MCP Java SDK's client starts {@code McpGuardProxy} as a child
 * process, which starts {@link TestMcpServer} (the SDK's server API) as its own child; the bundled model
 * decides. The server's call log shows what reached it.
 */
class McpGuardProxyTest {
    @TempDir
    static Path dir;
    private static McpSyncClient client;

    @BeforeAll
    static void startProxy() {
        client = Launch.client(Launch.proxy(List.of("--audit", dir.resolve("audit.jsonl").toString()),
                Launch.testServer(dir.resolve("calls.jsonl"), "normal")));
    }

    @AfterAll
    static void stopProxy() {
        client.closeGracefully();
    }

    @Test
    void listsTheServersToolsUnchanged() {
        List<Tool> tools = client.listTools().tools();
        assertEquals(List.of("send_email", "read_file"), tools.stream().map(Tool::name).toList());
        assertEquals(TestMcpServer.SEND_EMAIL_DESCRIPTION, tools.get(0).description());
    }

    @Test
    void relaysBenignCallsAndReturnsTheServersResult() throws Exception {
        CallToolResult read = Launch.readFile(client, "/srv/notes/benign-1.txt");
        assertFalse(read.isError());
        assertEquals("contents of /srv/notes/benign-1.txt", Launch.text(read));
        CallToolResult sent = Launch.sendEmail(client, Calls.BENIGN_BODY);
        assertFalse(sent.isError());
        assertEquals("sent to dan@example.com", Launch.text(sent));
        String calls = Files.readString(dir.resolve("calls.jsonl"));
        assertTrue(calls.contains("benign-1.txt") && calls.contains("quarterly report"), calls);
    }

    @Test
    void blocksBlackmailEmailBeforeServerSeesIt() throws Exception {
        CallToolResult blocked = Launch.sendEmail(client, Calls.BLACKMAIL_BODY);
        assertTrue(blocked.isError());
        String text = Launch.text(blocked);
        assertTrue(text.contains("send_email was blocked because it looks like blackmail"), text);
        assertTrue(text.contains("Evidence: blackmail") && text.contains("Priya"), text);

        Launch.readFile(client, "/srv/notes/after-the-block.txt"); // the server logs calls in the order they arrive
        String calls = Files.readString(dir.resolve("calls.jsonl"));
        assertTrue(calls.contains("after-the-block.txt"), calls);
        assertFalse(calls.contains("Priya"), "the blocked e-mail reached the server:\n" + calls);
        assertTrue(Files.readAllLines(dir.resolve("audit.jsonl")).stream()
                .anyMatch(l -> l.contains("\"tool\":\"send_email\"") && l.contains("\"decision\":\"BLOCK\"")));
    }

    @Test
    void reportsACrashedServerToTheClientInsteadOfHanging(@TempDir Path own) {
        try (McpSyncClient crashing = Launch.client(Launch.proxy(List.of(),
                Launch.testServer(own.resolve("calls.jsonl"), "crash")))) {
            McpError e = assertThrows(McpError.class, () -> Launch.readFile(crashing, "/srv/notes/crash.txt"));
            assertTrue(e.getMessage().contains("the MCP server closed the connection"), e.getMessage());
        }
    }

    @Test
    void answersACallTheServerNeverAnswersWithAnErrorAfterTheCallTimeout(@TempDir Path own) {
        try (McpSyncClient hanging = Launch.client(Launch.proxy(List.of("--call-timeout", "2s"),
                Launch.testServer(own.resolve("calls.jsonl"), "hang")))) {
            McpError e = assertThrows(McpError.class, () -> Launch.readFile(hanging, "/srv/notes/hang.txt"));
            assertTrue(e.getMessage().contains("did not answer tools/call within 2 s"), e.getMessage());
            assertFalse(Launch.sendEmail(hanging, Calls.BENIGN_BODY).isError(), "the session goes on");
        }
    }
}
