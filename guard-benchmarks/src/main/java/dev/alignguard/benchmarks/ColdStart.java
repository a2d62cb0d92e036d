package dev.alignguard.benchmarks;

import dev.alignguard.core.Guard;
import dev.alignguard.core.GuardConfig;
import dev.alignguard.core.Verdict;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Cold start and resident memory, measured in a fresh JVM (JMH cannot: it warms up and shares a JVM between
 * iterations). Prints one JSON line: milliseconds from {@code Guard.builder().build()} (bundled model,
 * default options, service loader) to the first verdict, the JVM's uptime at that moment, and the resident
 * set size before the guard, after the first verdict and after 500 further checks of mixed tool calls, and
 * whether ONNX Runtime loaded its native libraries from {@code -Donnxruntime.native.path} (a deployment that
 * unpacked them once) instead of extracting them from its jar into a temporary directory, as it does by default.
 * {@code run.sh} starts it several times and keeps every line. Linux only (reads /proc/self/status).
 */
public final class ColdStart {
    private ColdStart() {
    }

    public static void main(String[] args) throws IOException {
        System.setProperty("ai.djl.offline", "true");
        long rssBefore = rssKib();
        long t0 = System.nanoTime();
        try (Guard guard = Guard.builder().config(GuardConfig.defaults()).auditSink(Fixtures.NO_AUDIT).build()) {
            long built = System.nanoTime();
            Verdict first = Fixtures.requireScored(guard.check(Texts.toolCall(64, 0)));
            long firstVerdict = System.nanoTime();
            long rssFirst = rssKib();
            List<dev.alignguard.core.AgentAction.ToolCall> traffic = Texts.mixedTraffic();
            for (int i = 0; i < 500; i++) {
                Fixtures.requireScored(guard.check(traffic.get(i % traffic.size())));
            }
            long rssEnd = rssKib();
            System.out.printf(java.util.Locale.ROOT, "{\"guard_build_ms\":%.1f,\"first_verdict_ms\":%.1f,"
                    + "\"jvm_uptime_at_first_verdict_ms\":%d,\"first_decision\":\"%s\",\"rss_before_guard_kib\":%d,"
                    + "\"rss_after_first_verdict_kib\":%d,\"rss_after_500_checks_kib\":%d,\"added_rss_kib\":%d,"
                    + "\"java\":\"%s\",\"ort_native_path\":%b}%n",
                    (built - t0) / 1e6, (firstVerdict - t0) / 1e6, ManagementFactory.getRuntimeMXBean().getUptime()
                            - (System.nanoTime() - firstVerdict) / 1_000_000, first.decision().name(), rssBefore,
                    rssFirst, rssEnd, rssEnd - rssBefore,
                    System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
                    System.getProperty("onnxruntime.native.path") != null);
        }
    }

    private static long rssKib() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                String kib = line.substring(6).trim();
                return Long.parseLong(kib.substring(0, kib.indexOf(' ')));
            }
        }
        throw new IOException("no VmRSS in /proc/self/status");
    }
}
