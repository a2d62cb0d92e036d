package dev.alignguard.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.alignguard.cli.ReportAggregator;
import dev.alignguard.core.AgentAction;
import dev.alignguard.core.Guard;
import dev.alignguard.core.GuardContext;
import dev.alignguard.core.Verdict;
import dev.alignguard.trace.TraceLine;
import dev.alignguard.trace.VerdictJson;
import java.util.function.UnaryOperator;
import org.apache.spark.sql.Row;

/**
 * Scores one partition of {@link AlignGuardSpark#INPUT_SCHEMA} rows with the executor's guard, streaming: one
 * verdict row per input row, in order, each checked on the task's own thread exactly as the CLI checks a line
 * (one deadline and one fail-mode decision per row, never shared by a batch), so the result does not depend on
 * how rows fall into partitions or on a task being retried.
 */
final class ScanPartition extends StreamingPartition<ScanOptions> {
    private static final long serialVersionUID = 1L;

    ScanPartition(ScanOptions options) {
        super(options);
    }

    @Override
    UnaryOperator<Row> rowFunction() {
        Guard guard = ExecutorGuards.CACHE.get(options).guard();
        return in -> score(guard, in);
    }

    static Row score(Guard guard, Row in) {
        long line = in.getLong(0);
        String id = in.getString(1);
        JsonNode idNode = id == null ? null : TextNode.valueOf(id);
        ObjectNode out = VerdictJson.putId(VerdictJson.object().put("line", line), idNode);
        String error = in.getString(7);
        if (error != null) {
            return VerdictRows.of(out.put("error", VerdictJson.wellFormed(error)), null);
        }
        AgentAction action;
        try {
            action = TraceLine.action(in.getString(4), in.getString(5), in.getString(6), in.getString(2),
                    in.getString(3));
        } catch (IllegalArgumentException e) {
            return VerdictRows.of(out.put("error", VerdictJson.wellFormed(e.getMessage())), null);
        }
        Verdict v = guard.check(action, GuardContext.empty().withRequestId(id == null ? "line-" + line : id));
        return VerdictRows.of(VerdictJson.write(v, out), ReportAggregator.source(action));
    }
}
