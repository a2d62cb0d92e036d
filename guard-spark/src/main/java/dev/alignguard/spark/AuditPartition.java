package dev.alignguard.spark;

import dev.alignguard.core.corpus.CorpusAuditor;
import dev.alignguard.core.corpus.CorpusDocument;
import dev.alignguard.core.corpus.CorpusJsonl;
import java.util.function.UnaryOperator;
import org.apache.spark.sql.Row;

/**
 * Audits one partition of numbered JSONL lines ({@code line}, {@code value}) with the executor's corpus auditor,
 * streaming: one result row per line, in order, each line read and audited exactly as the CLI's
 * {@code audit-corpus} does (same parser, same limits, same error lines).
 */
final class AuditPartition extends StreamingPartition<CorpusOptions> {
    private static final long serialVersionUID = 1L;

    AuditPartition(CorpusOptions options) {
        super(options);
    }

    @Override
    UnaryOperator<Row> rowFunction() {
        CorpusAuditor auditor = ExecutorAuditors.CACHE.get(options).auditor();
        return in -> {
            long line = in.getLong(0);
            String value = in.getString(1);
            CorpusDocument d = value.length() > options.maxDocChars()
                    ? CorpusJsonl.overLong(line, options.maxDocChars()) : CorpusJsonl.parse(line, value);
            return CorpusRows.of(auditor.result(d));
        };
    }
}
