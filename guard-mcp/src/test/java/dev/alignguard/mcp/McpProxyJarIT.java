package dev.alignguard.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs {@code guard-mcp/target/alignguard-mcp.jar} as an MCP client's configuration does. */
class McpProxyJarIT {
    static final List<String> JAR = List.of("-jar", Path.of("target/alignguard-mcp.jar").toAbsolutePath().toString());

    @Test
    void shadedJarGuardsAnSdkServerForAnSdkClient(@TempDir Path dir) throws Exception {
        Path calls = dir.resolve("calls.jsonl");
        Path audit = dir.resolve("audit.jsonl");
        try (McpSyncClient client = Launch.client(Launch.proxy(JAR, List.of("--audit", audit.toString()),
                Launch.testServer(calls, "normal")))) {
            CallToolResult read = Launch.readFile(client, "/srv/notes/jar.txt");
            assertFalse(read.isError());
            assertEquals("contents of /srv/notes/jar.txt", Launch.text(read));
            CallToolResult blocked = Launch.sendEmail(client, Calls.BLACKMAIL_BODY);
            assertTrue(blocked.isError());
            assertTrue(Launch.text(blocked).contains("blackmail"), Launch.text(blocked));
        }
        List<String> received = Files.readAllLines(calls);
        assertEquals(1, received.size(), "only the benign call reaches the server: " + received);
        List<String> decisions = Files.readAllLines(audit);
        assertEquals(2, decisions.size(), String.join("\n", decisions));
        assertTrue(decisions.get(1).contains("\"decision\":\"BLOCK\""), decisions.get(1));
    }

    @Test
    void writesNothingButJsonRpcToStdout(@TempDir Path dir) throws Exception {
        List<String> cmd = Launch.proxy(JAR, List.of(), Launch.testServer(dir.resolve("calls.jsonl"), "noisy"));
        Process proxy = new ProcessBuilder(cmd).redirectError(dir.resolve("stderr.txt").toFile()).start();
        BlockingQueue<String> stdout = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(proxy.getInputStream(),
                    StandardCharsets.UTF_8))) {
                r.lines().forEach(stdout::add);
            } catch (java.io.IOException e) {
                stdout.add("read failed: " + e);
            }
        });
        reader.start();
        OutputStream stdin = proxy.getOutputStream();
        for (String line : List.of(
                "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\",\"params\":{"
                        + "\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},"
                        + "\"clientInfo\":{\"name\":\"raw\",\"version\":\"1\"}}}",
                "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}",
                "garbage from a confused client",
                "{\"jsonrpc\":\"2.0\",\"id\":\"list\",\"method\":\"tools/list\"}",
                Calls.email("3", Calls.BLACKMAIL_BODY),
                Calls.readFile("4", "/srv/notes/raw.txt"))) {
            stdin.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        }
        stdin.flush();
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String line = stdout.poll(120, TimeUnit.SECONDS);
            assertNotNull(line, "only " + lines + " arrived; stderr:\n" + Files.readString(dir.resolve("stderr.txt")));
            lines.add(line);
        }
        stdin.close(); // MCP stdio shutdown: the proxy closes the server's input and exits
        assertTrue(proxy.waitFor(30, TimeUnit.SECONDS));
        reader.join(5000);
        assertEquals(0, proxy.exitValue());
        lines.addAll(stdout);

        Set<String> ids = new HashSet<>();
        for (String line : lines) {
            JsonNode msg = Wire.parse(line);
            assertEquals("2.0", msg.path("jsonrpc").textValue(), "not a JSON-RPC message on stdout: " + line);
            ids.add(msg.get("id").toString());
        }
        assertEquals(Set.of("0", "null", "\"list\"", "3", "4"), ids, String.join("\n", lines));
        assertTrue(Files.readString(dir.resolve("stderr.txt")).contains("skipped a line from the MCP server"));
    }

    @Test
    void printsUsageToStderrAndExitsWith2WithoutAServerCommand(@TempDir Path dir) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Launch.java()));
        cmd.addAll(JAR);
        Process p = new ProcessBuilder(cmd).redirectOutput(dir.resolve("stdout.txt").toFile())
                .redirectError(dir.resolve("stderr.txt").toFile()).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(2, p.exitValue());
        assertEquals("", Files.readString(dir.resolve("stdout.txt")));
        assertTrue(Files.readString(dir.resolve("stderr.txt")).contains("SERVER_COMMAND"));
    }
}
