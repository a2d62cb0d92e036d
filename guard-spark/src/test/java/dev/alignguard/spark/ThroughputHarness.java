package dev.alignguard.spark;

import dev.alignguard.cli.AlignGuardCli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;

/**
 * Measures lines/s of one scan of a JSONL trace, by the CLI ({@code cli THREADS}) or by Spark
 * ({@code spark local[N]}), from the start of the scan (guard loading included) to the last verdict written,
 * and the JVM's peak resident memory. Run each mode in a fresh JVM: {@code scripts/spark-throughput.sh}.
 * Not a test: a measurement on the machine it runs on.
 */
public final class ThroughputHarness {

    private ThroughputHarness() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            System.err.println("usage: ThroughputHarness cli|spark THREADS TRACE.jsonl OUTPUT_DIR");
            System.exit(2);
        }
        String mode = args[0];
        int threads = Integer.parseInt(args[1]);
        Path trace = Path.of(args[2]);
        Path out = Path.of(args[3]);
        long lines;
        try (var s = Files.lines(trace)) {
            lines = s.count();
        }
        double seconds;
        if ("cli".equals(mode)) {
            long t0 = System.nanoTime();
            int code = new CommandLine(new AlignGuardCli()).execute("scan", "--input", trace.toString(), "--output",
                    out.resolve("cli.jsonl").toString(), "--threads", Integer.toString(threads));
            seconds = (System.nanoTime() - t0) / 1e9;
            if (code != 0) {
                throw new IllegalStateException("CLI exited with " + code);
            }
        } else {
            long split = Math.max(4096, Files.size(trace) / (4L * threads));
            SparkSession spark = SparkSession.builder().master("local[" + threads + "]").appName("throughput")
                    .config("spark.ui.enabled", "false")
                    .config("spark.sql.files.maxPartitionBytes", Long.toString(split))
                    .config("spark.plugins", AlignGuardPlugin.class.getName())
                    .getOrCreate();
            long t0 = System.nanoTime();
            AlignGuardSpark.scan(AlignGuardSpark.readTraces(spark, trace.toString(), null), ScanOptions.DEFAULT)
                    .write().parquet(out.resolve("spark.parquet").toString());
            seconds = (System.nanoTime() - t0) / 1e9;
            spark.stop();
        }
        System.out.printf(Locale.ROOT, "%s threads=%d lines=%d seconds=%.1f lines/s=%.1f lines/s/core=%.1f "
                + "peak_rss_mib=%d%n", mode, threads, lines, seconds, lines / seconds, lines / seconds / threads,
                peakRssMib());
    }

    /** VmHWM of this JVM in MiB (Linux), or -1. */
    private static long peakRssMib() throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.exists(status)) {
            return -1;
        }
        for (String l : Files.readAllLines(status)) {
            if (l.startsWith("VmHWM:")) {
                return Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024;
            }
        }
        return -1;
    }
}
