package dev.alignguard.mcp;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import picocli.CommandLine;

/**
 * {@code java -jar alignguard-mcp.jar [options] -- <server command>}: a stdio MCP proxy that runs an MCP
 * server as its child and checks every {@code tools/call} with AlignGuard before the server sees it. A call
 * the guard stops never reaches the server; the client gets a tool result with {@code isError: true} that
 * names the category and the evidence. Everything else is relayed unchanged.
 *
 * <p>The proxy relays raw, line-delimited JSON-RPC (Jackson) rather than building on the MCP Java SDK: a
 * proxy must pass on exactly what it received, including protocol versions, fields and capabilities it does
 * not know, and an SDK client/server pair would re-encode and negotiate instead. The SDK drives and plays
 * the server in this module's tests, which is where compatibility with it is proven.
 */
public final class McpGuardProxy {

    private McpGuardProxy() {
    }

    /** Runs the proxy on this process's stdin and stdout and exits with its exit code. */
    public static void main(String[] args) {
        OutputStream protocol = new FileOutputStream(FileDescriptor.out);
        System.setOut(System.err); // stdout carries protocol messages only: whatever else is printed goes to stderr
        System.exit(run(System.in, protocol, args));
    }

    /** Runs the proxy with the client on {@code in}/{@code out}; returns the exit code. */
    static int run(InputStream in, OutputStream out, String... args) {
        return new CommandLine(new ProxyCommand(in, out)).setStopAtPositional(true)
                .setCaseInsensitiveEnumValuesAllowed(true).execute(args);
    }
}
