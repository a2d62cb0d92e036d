package dev.alignguard.spark;

import dev.alignguard.cli.CorpusStats;
import dev.alignguard.core.corpus.CorpusDocument;
import dev.alignguard.core.corpus.CorpusJsonl;
import dev.alignguard.core.corpus.CorpusResult;
import dev.alignguard.core.corpus.DocumentAudit;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** Corpus audit results as Spark rows ({@link #SCHEMA}) and back into the CLI report's statistics. */
final class CorpusRows {
    static final StructType SPAN = new StructType()
            .add("start", DataTypes.IntegerType)
            .add("end", DataTypes.IntegerType)
            .add("score", DataTypes.DoubleType)
            .add("snippet", DataTypes.StringType);

    static final StructType SCHEMA = new StructType()
            .add("line", DataTypes.LongType, false)
            .add("id", DataTypes.StringType)
            .add("source", DataTypes.StringType)
            .add("ai_malevolence", DataTypes.DoubleType)
            .add("windows", DataTypes.IntegerType)
            .add("windows_over", DataTypes.IntegerType)
            .add("spans", DataTypes.createArrayType(SPAN))
            .add("error", DataTypes.StringType)
            .add("chars", DataTypes.LongType)
            .add("json", DataTypes.StringType);

    private CorpusRows() {
    }

    /** The row of a result: the CLI's output fields, the document's length, and the CLI's exact output line. */
    static Row of(CorpusResult r) {
        CorpusDocument d = r.document();
        String json = CorpusJsonl.write(r);
        if (r.error() != null) {
            return RowFactory.create(d.line(), d.id(), d.source(), null, null, null, null, r.error(), null, json);
        }
        DocumentAudit a = r.audit();
        List<Row> spans = new ArrayList<>(a.spans().size());
        for (DocumentAudit.Span s : a.spans()) {
            spans.add(RowFactory.create(s.start(), s.end(), (double) (float) s.score(), s.snippet()));
        }
        return RowFactory.create(d.line(), d.id(), d.source(), (double) (float) a.score(), a.windows(),
                a.windowsOver(), VerdictRows.seq(spans), null, (long) d.text().length(), json);
    }

    /** Counts a row of {@link #SCHEMA} in {@code stats}. */
    static void addTo(CorpusStats stats, Row row) {
        long line = row.getLong(0);
        String id = row.getString(1);
        String source = row.getString(2);
        if (!row.isNullAt(7)) {
            stats.error(line, id, source, row.getString(7));
            return;
        }
        List<Row> spanRows = row.getList(6);
        List<DocumentAudit.Span> spans = new ArrayList<>(spanRows.size());
        for (Row s : spanRows) {
            spans.add(new DocumentAudit.Span(s.getInt(0), s.getInt(1), s.getDouble(2), s.getString(3)));
        }
        stats.add(line, id, source, new DocumentAudit(row.getDouble(3), row.getInt(4), row.getInt(5), spans),
                row.getLong(8));
    }
}
