package dev.alignguard.spark;

import com.fasterxml.jackson.databind.JsonNode;
import dev.alignguard.core.AgentAction;
import dev.alignguard.trace.TraceLine;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * Turns one JSONL line, as Spark's JSON source parsed it with {@link AlignGuardSpark#TRACE_SCHEMA}, into a row
 * of {@link AlignGuardSpark#INPUT_SCHEMA}. A line Spark could not read as an object is read again by the CLI's
 * own parser, so it gets the CLI's error message (or, where the CLI reads what Spark did not, the CLI's action).
 */
final class TraceRow implements MapFunction<Row, Row> {
    private static final long serialVersionUID = 1L;

    @Override
    public Row call(Row in) {
        long line = in.getLong(0);
        String value = in.getString(1);
        Row t = in.getStruct(2);
        if (value == null || value.isBlank()) {
            return error(line, null, "empty line");
        }
        if (t != null && t.isNullAt(t.fieldIndex(AlignGuardSpark.CORRUPT))) {
            return RowFactory.create(line, t.getString(0), t.getString(1), t.getString(2), t.getString(3),
                    t.getString(4), t.getString(5), null);
        }
        TraceLine read = TraceLine.parse(value);
        String id = read.id() == null || read.id().isNull() ? null : text(read.id());
        if (read.error() != null) {
            return error(line, id, read.error());
        }
        if (read.action() instanceof AgentAction.ToolCall call) {
            return RowFactory.create(line, id, null, null, call.tool(), call.argumentsJson(), call.rationale(), null);
        }
        AgentAction.TextAction text = (AgentAction.TextAction) read.action();
        return RowFactory.create(line, id, text.text(), text.kind(), null, null, null, null);
    }

    private static String text(JsonNode id) {
        return id.isValueNode() ? id.asText() : id.toString();
    }

    private static Row error(long line, String id, String message) {
        return RowFactory.create(line, id, null, null, null, null, null, message);
    }
}
