package dev.alignguard.server;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletableFuture;
import org.eclipse.jetty.io.Content;

/**
 * Reads a request body without blocking a thread: keeps at most the size limit and, once the body is over it,
 * reads on and discards up to {@link #DRAIN_BYTES} more, so that the client's upload ends before the server
 * answers 413 and closes: closing on unread bytes makes the kernel reset the connection, and the reset can
 * destroy the 413 before the client reads it.
 */
final class BodyReader implements Runnable {
    /** How much of a body over the limit is read and thrown away before the server gives up and closes. */
    static final long DRAIN_BYTES = 8L << 20;

    /** The body was over the limit (read to its end, or given up on past {@link #DRAIN_BYTES}). */
    static final class TooLarge extends Exception {
        TooLarge() {
            super(null, null, false, false);
        }
    }

    private final Content.Source source;
    private final int max;
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private final CompletableFuture<byte[]> body = new CompletableFuture<>();
    private long seen;

    private BodyReader(Content.Source source, int max) {
        this.source = source;
        this.max = max;
    }

    /**
     * Starts reading; the future completes with the bytes, or fails with {@link TooLarge} or the source's
     * failure. Cancelling the future stops the reading at the next chunk.
     */
    static CompletableFuture<byte[]> read(Content.Source source, int max) {
        BodyReader reader = new BodyReader(source, max);
        reader.run();
        return reader.body;
    }

    /** Reads what has arrived; runs again on the source's demand. Jetty never runs two demands at once. */
    @Override
    public void run() {
        while (!body.isDone()) {
            Content.Chunk chunk = source.read();
            if (chunk == null) {
                source.demand(this);
                return;
            }
            if (Content.Chunk.isFailure(chunk)) {
                body.completeExceptionally(chunk.getFailure());
                return;
            }
            take(chunk.getByteBuffer());
            boolean last = chunk.isLast();
            chunk.release();
            if (seen > max + DRAIN_BYTES || (last && seen > max)) {
                body.completeExceptionally(new TooLarge());
            } else if (last) {
                body.complete(kept.toByteArray());
            }
        }
    }

    private void take(ByteBuffer buffer) {
        int n = buffer.remaining();
        if (seen + n <= max) {
            byte[] bytes = new byte[n];
            buffer.get(bytes);
            kept.writeBytes(bytes);
        }
        seen += n;
    }
}
