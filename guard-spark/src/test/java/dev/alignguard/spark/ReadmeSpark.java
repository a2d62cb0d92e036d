package dev.alignguard.spark;

// README spark imports: begin
import dev.alignguard.cli.ReportAggregator;
import dev.alignguard.core.Decision;
import dev.alignguard.spark.AlignGuardSpark;
import dev.alignguard.spark.ScanOptions;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
// README spark imports: end

/**
 * The README's Spark snippet, compiled here so that it cannot drift from the API; examples'
 * {@code ReadmeSnippetsTest} checks that the README shows exactly the marked lines.
 */
final class ReadmeSpark {
    private ReadmeSpark() {
    }

    static long blocked(SparkSession spark, String policyText) {
        // README spark body: begin
        Dataset<Row> traces = AlignGuardSpark.readTraces(spark, "s3a://audit/traces/2026-11/*.jsonl", null); // or .parquet
        Dataset<Row> verdicts = AlignGuardSpark.scan(traces, ScanOptions.DEFAULT.withPolicy("policy.yaml", policyText));
        verdicts.write().parquet("s3a://audit/verdicts/2026-11");                   // score once, write ...
        ReportAggregator summary = AlignGuardSpark.summary(spark.read().parquet("s3a://audit/verdicts/2026-11"));
        summary.count(Decision.BLOCK); summary.failModeDecisions(); summary.errors(); summary.sources(); // ... then count
        // README spark body: end
        return summary.count(Decision.BLOCK);
    }
}
