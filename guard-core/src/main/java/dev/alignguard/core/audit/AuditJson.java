package dev.alignguard.core.audit;

import dev.alignguard.core.Evidence;
import dev.alignguard.core.Judgement;
import dev.alignguard.core.Reason;
import dev.alignguard.core.Verdict;
import dev.alignguard.core.internal.json.JsonText;
import java.util.Locale;

/** Writes audit events as single-line JSON without a JSON library (core stays small). */
final class AuditJson {
    private AuditJson() {
    }

    static String write(AuditEvent e) {
        Verdict v = e.verdict();
        boolean raw = e.rawText() != null;
        StringBuilder sb = new StringBuilder(256).append('{');
        field(sb, "time", e.time().toString()).append(',');
        field(sb, "request_id", e.context().requestId()).append(',');
        field(sb, "agent_id", e.context().agentId()).append(',');
        field(sb, "session_id", e.context().sessionId()).append(',');
        field(sb, "kind", e.actionKind()).append(',');
        if (e.tool() != null) {
            field(sb, "tool", e.tool()).append(',');
        }
        field(sb, "decision", v.decision().name()).append(',');
        field(sb, "cause", v.cause().name()).append(',');
        sb.append("\"scores\":{");
        String sep = "";
        for (var s : v.scores().entrySet()) {
            sb.append(sep).append('"').append(s.getKey().id()).append("\":").append(num(s.getValue()));
            sep = ",";
        }
        sb.append("},\"reasons\":[");
        sep = "";
        for (Reason r : v.reasons()) {
            sb.append(sep).append('{');
            field(sb, "category", r.category().id()).append(",\"score\":").append(num(r.score()))
                    .append(",\"threshold\":").append(num(r.threshold())).append(',');
            field(sb, "decision", r.decision().name()).append(',');
            field(sb, "field", r.field().name().toLowerCase(Locale.ROOT)).append('}');
            sep = ",";
        }
        sb.append("],\"evidence\":[");
        sep = "";
        for (Evidence ev : v.evidence()) {
            sb.append(sep).append('{');
            field(sb, "category", ev.category().id()).append(',');
            field(sb, "field", ev.field().name().toLowerCase(Locale.ROOT)).append(',');
            if (ev.path() != null) {
                field(sb, "path", ev.path()).append(',');
            }
            sb.append("\"start\":").append(ev.start()).append(",\"end\":").append(ev.end());
            if (raw) {
                sb.append(',');
                field(sb, "snippet", ev.snippet());
            }
            sb.append('}');
            sep = ",";
        }
        sb.append("],");
        field(sb, "model", v.modelId()).append(",\"elapsed_ms\":").append(num(v.elapsed().toNanos() / 1e6)).append(',');
        field(sb, "text_sha256", e.textSha256());
        if (v.judgement() != null) {
            judge(sb.append(','), v.judgement(), raw);
        }
        if (!v.warnings().isEmpty()) {
            sb.append(",\"warnings\":[");
            sep = "";
            for (String w : v.warnings()) {
                sb.append(sep);
                JsonText.quote(sb, w);
                sep = ",";
            }
            sb.append(']');
        }
        if (raw) {
            sb.append(',');
            field(sb, "text", e.rawText());
        }
        return sb.append('}').toString();
    }

    /** The judge's decision, model and latency; its reason only with raw text or when it is the guard's own failure cause. */
    private static void judge(StringBuilder sb, Judgement j, boolean raw) {
        sb.append("\"judge\":{");
        field(sb, "decision", j.decision()).append(',');
        field(sb, "outcome", j.outcome().id()).append(',');
        field(sb, "category", j.category() == null ? "none" : j.category().id()).append(',');
        field(sb, "model", j.model()).append(",\"latency_ms\":").append(num(j.latency().toNanos() / 1e6));
        if (raw || j.outcome() != Judgement.Outcome.ANSWERED) {
            field(sb.append(','), "reason", j.reason());
        }
        sb.append('}');
    }

    private static String num(double d) {
        return Double.isFinite(d) ? String.format(Locale.ROOT, "%.4f", d) : "null";
    }

    private static StringBuilder field(StringBuilder sb, String name, String value) {
        sb.append('"').append(name).append("\":");
        return JsonText.quote(sb, value);
    }
}
