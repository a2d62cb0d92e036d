package dev.alignguard.mcp;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One direction of a stdio connection: writes whole messages, one per line, flushing each. Thread-safe, so
 * relayed messages, refusals and errors written from different threads never interleave. A side that has
 * gone away is reported once; later messages to it are dropped, because nobody is left to read them.
 */
final class LineChannel implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LineChannel.class);

    private final String peer;
    private final OutputStream out;
    private boolean broken;

    LineChannel(String peer, OutputStream out) {
        this.peer = peer;
        this.out = new BufferedOutputStream(out, 1 << 16);
    }

    /** Writes {@code message} and a newline; false when the peer is gone. */
    synchronized boolean send(String message) {
        if (broken) {
            return false;
        }
        try {
            out.write(message.getBytes(StandardCharsets.UTF_8));
            out.write('\n');
            out.flush();
            return true;
        } catch (IOException e) {
            broken = true;
            LOG.warn("cannot write to the {} any more: {}", peer, e.toString());
            return false;
        }
    }

    @Override
    public synchronized void close() {
        broken = true;
        try {
            out.close();
        } catch (IOException e) {
            LOG.debug("closing the stream to the {} failed: {}", peer, e.toString());
        }
    }
}
