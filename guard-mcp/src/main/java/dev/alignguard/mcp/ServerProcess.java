package dev.alignguard.mcp;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The real MCP server, as a child process: its stdin and stdout are the relay's server side, its stderr is
 * ours (MCP servers log there). Stopping it follows the MCP stdio shutdown sequence: close its input, give
 * it time to exit, then terminate it and, if it still runs, kill it.
 */
final class ServerProcess implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ServerProcess.class);
    private static final Duration GRACE = Duration.ofSeconds(5);

    private final Process process;

    private ServerProcess(Process process) {
        this.process = process;
    }

    /**
     * Starts {@code command} (program and arguments) in the current directory and environment.
     *
     * @throws IOException when the program cannot be started
     */
    static ServerProcess start(List<String> command) throws IOException {
        Process p;
        try {
            p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        } catch (IOException e) {
            throw new IOException("cannot start the MCP server: " + e.getMessage(), e);
        }
        // the program only: arguments may hold credentials, and clients keep our stderr in their logs
        LOG.info("started MCP server {} (pid {})", command.get(0), p.pid());
        return new ServerProcess(p);
    }

    /** What the server writes: its messages to the client. */
    InputStream output() {
        return process.getInputStream();
    }

    /** What the server reads: the client's messages. */
    OutputStream input() {
        return process.getOutputStream();
    }

    /** Waits up to {@code wait} for the server to exit; its exit code, or -1 if it still runs. */
    int awaitExit(Duration wait) throws InterruptedException {
        return process.waitFor(wait.toMillis(), TimeUnit.MILLISECONDS) ? process.exitValue() : -1;
    }

    /** Terminates the server and its children at once, without the grace period (the proxy is being killed). */
    void kill() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
    }

    /** Closes the server's input, waits for it to exit, then terminates it: MCP's stdio shutdown. */
    @Override
    public void close() {
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            LOG.debug("closing the MCP server's input failed: {}", e.toString());
        }
        try {
            if (process.waitFor(GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                return;
            }
            LOG.warn("the MCP server did not exit within {} s of its input closing; terminating it", GRACE.toSeconds());
            kill();
            if (process.waitFor(GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }
}
