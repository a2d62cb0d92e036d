package dev.alignguard.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.alignguard.cli.ReportAggregator;
import dev.alignguard.cli.ReportItem;
import dev.alignguard.core.Category;
import dev.alignguard.core.Cause;
import dev.alignguard.core.Decision;
import dev.alignguard.core.ScoredField;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import scala.collection.immutable.Seq;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Converts between the CLI's result line (written with {@code dev.alignguard.trace.VerdictJson}) and a Spark row of
 * {@link #SCHEMA}, and feeds verdict rows to the CLI's report aggregator. The row holds the same fields as the
 * line, plus {@code source} (the tool name, or the kind of a text action in parentheses) for the report.
 */
final class VerdictRows {
    static final StructType EVIDENCE = new StructType()
            .add("category", DataTypes.StringType)
            .add("score", DataTypes.DoubleType)
            .add("field", DataTypes.StringType)
            .add("path", DataTypes.StringType)
            .add("start", DataTypes.IntegerType)
            .add("end", DataTypes.IntegerType)
            .add("snippet", DataTypes.StringType);

    static final StructType SCORES = scores();

    static final StructType SCHEMA = new StructType()
            .add("line", DataTypes.LongType, false)
            .add("id", DataTypes.StringType)
            .add("scores", SCORES)
            .add("decision", DataTypes.StringType)
            .add("cause", DataTypes.StringType)
            .add("evidence", DataTypes.createArrayType(EVIDENCE))
            .add("warnings", DataTypes.createArrayType(DataTypes.StringType))
            .add("error", DataTypes.StringType)
            .add("source", DataTypes.StringType);

    private VerdictRows() {
    }

    private static StructType scores() {
        List<StructField> fields = new ArrayList<>();
        for (Category c : Category.values()) {
            fields.add(DataTypes.createStructField(c.id(), DataTypes.DoubleType, false));
        }
        return DataTypes.createStructType(fields);
    }

    /** The row for the CLI's result line {@code o}; {@code source} is null for an unreadable line. */
    static Row of(ObjectNode o, String source) {
        JsonNode s = o.get("scores");
        Row scores = null;
        if (s != null) {
            Object[] values = new Object[Category.values().length];
            for (Category c : Category.values()) {
                values[c.ordinal()] = s.get(c.id()).asDouble();
            }
            scores = RowFactory.create(values);
        }
        List<Row> evidence = null;
        if (o.has("evidence")) {
            evidence = new ArrayList<>();
            for (JsonNode e : o.get("evidence")) {
                evidence.add(RowFactory.create(text(e, "category"), e.get("score").asDouble(), text(e, "field"),
                        text(e, "path"), e.get("start").asInt(), e.get("end").asInt(), text(e, "snippet")));
            }
        }
        List<String> warnings = null;
        if (o.has("warnings")) {
            warnings = new ArrayList<>();
            for (JsonNode w : o.get("warnings")) {
                warnings.add(w.asText());
            }
        }
        return RowFactory.create(o.get("line").asLong(), text(o, "id"), scores, text(o, "decision"),
                text(o, "cause"), seq(evidence), seq(warnings), text(o, "error"), source);
    }

    /** A row's array value: Spark's row encoder takes Scala sequences. */
    static <T> Seq<T> seq(List<T> list) {
        return list == null ? null : CollectionConverters.asScala(list).toSeq();
    }

    private static String text(JsonNode o, String field) {
        JsonNode v = o.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    /** Counts a row of {@link #SCHEMA} (by position) the way the CLI counts the line it stands for. */
    static void addTo(ReportAggregator report, Row row) {
        long line = row.getLong(0);
        String id = row.getString(1);
        if (!row.isNullAt(7)) {
            report.error(line, id, row.getString(7));
            return;
        }
        Cause cause = Cause.valueOf(row.getString(4));
        Map<Category, Double> scores = new EnumMap<>(Category.class);
        if (cause == Cause.POLICY) { // a fail-mode verdict has no scores: its line reads 0 for each category
            Row s = row.getStruct(2);
            for (Category c : Category.values()) {
                scores.put(c, s.getDouble(c.ordinal()));
            }
        }
        List<String> warnings = row.isNullAt(6) ? List.of() : row.getList(6);
        List<Row> evidence = row.isNullAt(5) ? List.of() : row.getList(5);
        report.add(line, id, row.getString(8), Decision.valueOf(row.getString(3)), cause, scores, warnings,
                () -> highlights(evidence));
    }

    private static List<ReportItem.Highlight> highlights(List<Row> evidence) {
        List<ReportItem.Highlight> out = new ArrayList<>(evidence.size());
        for (Row e : evidence) {
            out.add(ReportItem.Highlight.ofSnippet(Category.fromId(e.getString(0)), e.getDouble(1),
                    ScoredField.valueOf(e.getString(2).toUpperCase(Locale.ROOT)), e.getString(3), e.getInt(4),
                    e.getInt(5), e.getString(6)));
        }
        return out;
    }
}
