package dev.alignguard.mcp;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.Implementation;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Command lines for the test server and the proxy as child processes, and an MCP SDK client for them. */
final class Launch {
    private Launch() {
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** {@link TestMcpServer} on the test class path (C1 only and the serial GC: it starts faster). */
    static List<String> testServer(Path callLog, String mode) {
        return List.of(java(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp",
                System.getProperty("java.class.path"), TestMcpServer.class.getName(), callLog.toString(), mode);
    }

    /** The proxy from this module's classes: {@code java -cp ... McpGuardProxy options -- server}. */
    static List<String> proxy(List<String> options, List<String> server) {
        return proxy(List.of("-cp", System.getProperty("java.class.path"), McpGuardProxy.class.getName()), options,
                server);
    }

    /** The proxy started by {@code launcher} ({@code -cp ... Main} or {@code -jar ...}). */
    static List<String> proxy(List<String> launcher, List<String> options, List<String> server) {
        List<String> cmd = new ArrayList<>();
        cmd.add(java());
        cmd.addAll(launcher);
        cmd.addAll(options);
        cmd.add("--");
        cmd.addAll(server);
        return cmd;
    }

    /** An initialised MCP SDK client talking to {@code command} over stdio. */
    static McpSyncClient client(List<String> command) {
        StdioClientTransport transport = new StdioClientTransport(
                ServerParameters.builder(command.get(0)).args(command.subList(1, command.size())).build(),
                McpJsonDefaults.getMapper());
        McpSyncClient client = McpClient.sync(transport)
                .clientInfo(Implementation.builder("alignguard-test-client", "1.0").build())
                .requestTimeout(Duration.ofSeconds(60))
                .initializationTimeout(Duration.ofSeconds(60))
                .build();
        client.initialize();
        return client;
    }

    static CallToolResult readFile(McpSyncClient client, String path) {
        return client.callTool(CallToolRequest.builder("read_file").arguments(Map.of("path", path)).build());
    }

    static CallToolResult sendEmail(McpSyncClient client, String body) {
        return client.callTool(CallToolRequest.builder("send_email")
                .arguments(Map.of("to", "dan@example.com", "subject", "Friday", "body", body)).build());
    }

    /** The text of a result's first content block. */
    static String text(CallToolResult result) {
        return ((TextContent) result.content().get(0)).text();
    }
}
