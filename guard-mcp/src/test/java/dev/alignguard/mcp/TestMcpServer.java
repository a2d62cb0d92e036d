package dev.alignguard.mcp;

import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.ServerCapabilities;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The MCP server the tests put behind the proxy, built with the MCP Java SDK's server API: {@code send_email}
 * and {@code read_file}, each call appended as a JSON line to a log file before it is answered, so a test can
 * prove which calls arrived. Run as {@code TestMcpServer <call-log> [normal|noisy|crash|hang]}: noisy prints a
 * non-JSON line on stdout first, crash halts on the first tool call, hang never answers read_file.
 */
public final class TestMcpServer {
    static final String SEND_EMAIL_DESCRIPTION = "Sends an e-mail from the assistant's mailbox.";

    private TestMcpServer() {
    }

    public static void main(String[] args) throws Exception {
        Path log = Path.of(args[0]);
        String mode = args.length > 1 ? args[1] : "normal";
        if (mode.equals("noisy")) {
            System.out.println("test server: starting up (this line is not JSON-RPC)");
            System.out.flush();
        }
        McpJsonMapper json = McpJsonDefaults.getMapper();
        CountDownLatch inputClosed = new CountDownLatch(1);
        StdioServerTransportProvider transport = new StdioServerTransportProvider(json, closingWith(inputClosed),
                System.out);
        McpSyncServer server = McpServer.sync(transport)
                .serverInfo("alignguard-test-mail", "1.0")
                .capabilities(ServerCapabilities.builder().tools(true).build())
                .tools(tool(json, log, mode, "send_email", SEND_EMAIL_DESCRIPTION,
                                "{\"type\":\"object\",\"properties\":{\"to\":{\"type\":\"string\"},"
                                        + "\"subject\":{\"type\":\"string\"},\"body\":{\"type\":\"string\"}},"
                                        + "\"required\":[\"to\",\"body\"]}"),
                        tool(json, log, mode, "read_file", "Reads a text file from the assistant's workspace.",
                                "{\"type\":\"object\",\"properties\":{\"path\":{\"type\":\"string\"}},"
                                        + "\"required\":[\"path\"]}"))
                .build();
        inputClosed.await(); // MCP stdio shutdown: the client closes our input, we exit
        server.close();
        System.exit(0);
    }

    private static SyncToolSpecification tool(McpJsonMapper json, Path log, String mode, String name,
                                              String description, String schema) {
        return SyncToolSpecification.builder()
                .tool(Tool.builder(name, json, schema).description(description).build())
                .callHandler((exchange, request) -> call(json, log, mode, request))
                .build();
    }

    private static CallToolResult call(McpJsonMapper json, Path log, String mode, CallToolRequest request) {
        try {
            String line = json.writeValueAsString(Map.of("tool", request.name(), "arguments", request.arguments()));
            synchronized (TestMcpServer.class) {
                Files.writeString(log, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (mode.equals("crash")) {
            Runtime.getRuntime().halt(3);
        }
        if (mode.equals("hang") && request.name().equals("read_file")) {
            try {
                Thread.sleep(Long.MAX_VALUE);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        String text = request.name().equals("send_email")
                ? "sent to " + request.arguments().get("to")
                : "contents of " + request.arguments().get("path");
        return CallToolResult.builder().addTextContent(text).isError(false).build();
    }

    private static InputStream closingWith(CountDownLatch closed) {
        return new FilterInputStream(System.in) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b < 0) {
                    closed.countDown();
                }
                return b;
            }

            @Override
            public int read(byte[] buf, int off, int len) throws IOException {
                int n = super.read(buf, off, len);
                if (n < 0) {
                    closed.countDown();
                }
                return n;
            }
        };
    }
}
