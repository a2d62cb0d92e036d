package dev.alignguard.mcp;

import io.modelcontextprotocol.client.McpSyncClient;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.IntConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Measures, and prints, what the proxy adds to a benign tools/call round trip on loopback: the same SDK
 * client calls the same server directly and through the shaded jar. The calls differ in their arguments, so
 * the guard's score cache does not answer, except in the row that measures the relay alone. A measurement, not
 * an assertion: machines differ.
 */
class ProxyLatencyIT {
    private static final int WARMUP = 40;
    private static final int CALLS = 200;
    private static final String EMAIL = "Hi Sam, thanks for the notes from Tuesday. I moved the design review to "
            + "Thursday at 10 in room 4B, because the vendor can only join in the morning. Please bring the "
            + "updated cost table and the two open questions on the rollout plan; Priya will present the test "
            + "results and we should leave time for the budget discussion at the end. Reference ";

    @Test
    void printsTheLatencyTheProxyAddsPerCall(@TempDir Path dir) {
        try (McpSyncClient direct = Launch.client(Launch.testServer(dir.resolve("direct.jsonl"), "normal"));
             McpSyncClient proxied = Launch.client(Launch.proxy(McpProxyJarIT.JAR,
                     List.of("--audit", dir.resolve("audit.jsonl").toString()),
                     Launch.testServer(dir.resolve("proxied.jsonl"), "normal")))) {
            report("read_file (~10 tokens)",
                    measure(i -> Launch.readFile(direct, "/srv/notes/direct-" + i + ".txt")),
                    measure(i -> Launch.readFile(proxied, "/srv/notes/proxied-" + i + ".txt")));
            report("read_file, same arguments every call (the score cache answers: relay cost only)",
                    measure(i -> Launch.readFile(direct, "/srv/notes/same.txt")),
                    measure(i -> Launch.readFile(proxied, "/srv/notes/same.txt")));
            report("send_email (~90 tokens)",
                    measure(i -> Launch.sendEmail(direct, EMAIL + "D-" + i)),
                    measure(i -> Launch.sendEmail(proxied, EMAIL + "P-" + i)));
        }
    }

    private static double[] measure(IntConsumer call) {
        for (int i = 0; i < WARMUP; i++) {
            call.accept(-1 - i);
        }
        double[] ms = new double[CALLS];
        for (int i = 0; i < CALLS; i++) {
            long start = System.nanoTime();
            call.accept(i);
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(ms);
        return ms;
    }

    private static void report(String what, double[] direct, double[] proxied) {
        System.out.printf(Locale.ROOT, "proxy latency, %s, %d calls: direct p50 %.2f ms p99 %.2f ms | through the "
                        + "proxy p50 %.2f ms p99 %.2f ms | added p50 %.2f ms%n", what, CALLS, p(direct, 0.50),
                p(direct, 0.99), p(proxied, 0.50), p(proxied, 0.99), p(proxied, 0.50) - p(direct, 0.50));
    }

    private static double p(double[] sorted, double q) {
        return sorted[(int) Math.ceil(q * sorted.length) - 1];
    }
}
