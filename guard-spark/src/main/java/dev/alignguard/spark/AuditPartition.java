package dev.alignguard.spark;

import dev.alignguard.core.corpus.CorpusAuditor;
import dev.alignguard.core.corpus.CorpusDocument;
import dev.alignguard.core.corpus.CorpusJsonl;
import java.util.Iterator;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;

/**
 * Audits one partition of numbered JSONL lines ({@code line}, {@code value}) with the executor's corpus auditor,
 * streaming: one result row per line, in order, each line read and audited exactly as the CLI's
 * {@code audit-corpus} does (same parser, same limits, same error lines).
 */
final class AuditPartition implements MapPartitionsFunction<Row, Row> {
    private static final long serialVersionUID = 1L;

    private final CorpusOptions options;

    AuditPartition(CorpusOptions options) {
        this.options = options;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> rows) {
        CorpusAuditor auditor = ExecutorAuditors.get(options).auditor();
        return PartitionRows.map(rows, in -> {
            long line = in.getLong(0);
            String value = in.getString(1);
            CorpusDocument d = value.length() > options.maxDocChars()
                    ? CorpusJsonl.overLong(line, options.maxDocChars()) : CorpusJsonl.parse(line, value);
            return CorpusRows.of(auditor.result(d));
        });
    }
}
