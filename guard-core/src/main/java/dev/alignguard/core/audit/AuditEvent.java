package dev.alignguard.core.audit;

import dev.alignguard.core.GuardContext;
import dev.alignguard.core.Verdict;
import java.time.Instant;

/**
 * One decision to record: when, for whom, what kind of action (and tool), the verdict, a SHA-256 of the
 * scored text (to correlate without storing it) and the raw text only when the guard is configured to
 * include it ({@code null} otherwise). A judged verdict's record has a {@code judge} object: decision, outcome,
 * category, model and latency; the judge's own reason only with raw text (it may quote the action), a failure's
 * cause always.
 */
public record AuditEvent(Instant time, GuardContext context, String actionKind, String tool, Verdict verdict,
                         String textSha256, String rawText) {

    /** This event as one JSON object on one line; evidence snippets only when raw text is included. */
    public String toJson() {
        return AuditJson.write(this);
    }
}
