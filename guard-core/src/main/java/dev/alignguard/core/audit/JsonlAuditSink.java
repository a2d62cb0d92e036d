package dev.alignguard.core.audit;

import java.io.IOException;
import java.io.Writer;

/**
 * Appends one JSON line per decision to a writer (a file for the CLI and the MCP proxy) and flushes it, so
 * a crash loses no recorded decision. Thread-safe: lines never interleave.
 */
public final class JsonlAuditSink implements AuditSink, AutoCloseable {
    private final Writer out;

    public JsonlAuditSink(Writer out) {
        this.out = out;
    }

    @Override
    public synchronized void record(AuditEvent event) throws IOException {
        out.write(event.toJson());
        out.write('\n');
        out.flush();
    }

    @Override
    public synchronized void close() throws IOException {
        out.close();
    }
}
