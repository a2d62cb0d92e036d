package dev.alignguard.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.Pipe;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A {@link JsonRpcRelay} under test with the test on both of its sides: the test writes lines as the client
 * and as the server, and reads, line by line, what the relay sends to each. Lines are split on {@code \n} only,
 * as MCP's stdio transport delimits them, so a {@code \r} the relay passes on stays in its line.
 */
final class Wire implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long WAIT_SECONDS = 20;

    private final OutputStream asClient;
    private final OutputStream asServer;
    private final BlockingQueue<String> toClient = new LinkedBlockingQueue<>();
    private final BlockingQueue<String> toServer = new LinkedBlockingQueue<>();
    private final CompletableFuture<JsonRpcRelay.End> ended;

    Wire(ToolCallInspector inspector, McpSession session, JsonRpcRelay.Limits limits) {
        try {
            Pipe clientIn = Pipe.open();
            Pipe clientOut = Pipe.open();
            Pipe serverIn = Pipe.open();
            Pipe serverOut = Pipe.open();
            asClient = Channels.newOutputStream(clientIn.sink());
            asServer = Channels.newOutputStream(serverOut.sink());
            collect(Channels.newInputStream(clientOut.source()), toClient);
            collect(Channels.newInputStream(serverIn.source()), toServer);
            JsonRpcRelay relay = new JsonRpcRelay(
                    new JsonRpcRelay.Endpoint(Channels.newInputStream(clientIn.source()),
                            Channels.newOutputStream(clientOut.sink())),
                    new JsonRpcRelay.Endpoint(Channels.newInputStream(serverOut.source()),
                            Channels.newOutputStream(serverIn.sink())),
                    inspector, session, limits);
            ended = CompletableFuture.supplyAsync(() -> {
                try {
                    return relay.run();
                } catch (InterruptedException e) {
                    throw new CompletionException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes one line as the client. */
    void client(String line) {
        write(asClient, line);
    }

    /** Writes one line as the server. */
    void server(String line) {
        write(asServer, line);
    }

    /** The next line the relay sends to the client. */
    String clientLine() {
        return next(toClient, "the client");
    }

    /** The next line the relay sends to the server. */
    String serverLine() {
        return next(toServer, "the server");
    }

    JsonNode clientGets() {
        return parse(clientLine());
    }

    JsonNode serverGets() {
        return parse(serverLine());
    }

    /** Asserts the relay sends the client nothing more within {@code millis}. */
    void clientGetsNothingWithin(long millis) throws InterruptedException {
        assertNull(toClient.poll(millis, TimeUnit.MILLISECONDS), "unexpected message to the client");
    }

    /** Asserts the relay sends the server nothing more within {@code millis}. */
    void serverGetsNothingWithin(long millis) throws InterruptedException {
        assertNull(toServer.poll(millis, TimeUnit.MILLISECONDS), "unexpected message to the server");
    }

    /** A ping from the client that the server answers: proves everything sent before it has been relayed. */
    void roundTrip(int id) {
        String ping = "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"ping\"}";
        client(ping);
        assertEquals(ping, serverLine());
        String pong = "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"result\":{}}";
        server(pong);
        assertEquals(pong, clientLine());
    }

    /** The server closes its output, as a crashed server does. */
    void serverExits() throws IOException {
        asServer.close();
    }

    JsonRpcRelay.End end() {
        return ended.orTimeout(WAIT_SECONDS, TimeUnit.SECONDS).join();
    }

    @Override
    public void close() throws IOException {
        asClient.close();
        asServer.close();
    }

    private static void write(OutputStream out, String line) {
        try {
            out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String next(BlockingQueue<String> queue, String side) {
        try {
            String line = queue.poll(WAIT_SECONDS, TimeUnit.SECONDS);
            assertNotNull(line, "nothing was sent to " + side);
            return line;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + line, e);
        }
    }

    private static void collect(InputStream in, BlockingQueue<String> into) {
        Thread t = new Thread(() -> {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            try (InputStream bytes = new BufferedInputStream(in)) {
                for (int b = bytes.read(); b >= 0; b = bytes.read()) {
                    if (b == '\n') {
                        into.add(line.toString(StandardCharsets.UTF_8));
                        line.reset();
                    } else {
                        line.write(b);
                    }
                }
            } catch (IOException e) {
                // the relay closed the pipe: nothing more to collect
            }
        }, "wire-collector");
        t.setDaemon(true);
        t.start();
    }
}
