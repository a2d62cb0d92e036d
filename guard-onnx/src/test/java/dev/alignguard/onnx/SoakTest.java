package dev.alignguard.onnx;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.alignguard.core.AgentAction;
import dev.alignguard.core.Guard;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * On demand: {@code mvn -pl guard-onnx test -Dtest=SoakTest -Dalignguard.soak.seconds=300}. Runs mixed checks
 * through one guard with the real model and samples resident memory and heap; after warm-up they must not
 * grow (no leak in the cache, native tensors or the tokenizer).
 */
@EnabledIfSystemProperty(named = "alignguard.soak.seconds", matches = "[0-9]+")
class SoakTest {

    private static long rssKb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }

    @Test
    void memoryDoesNotGrowUnderSustainedChecks() throws Exception {
        long seconds = Long.getLong("alignguard.soak.seconds");
        Random r = new Random(1);
        String[] words = "the board report deadline copy weights backup review send invoice pay shutdown replace"
                .split(" ");
        List<long[]> samples = new ArrayList<>();
        try (Guard guard = Guard.builder().classifier(OnnxClassifier.bundled()).auditSink(e -> { }).build()) {
            long end = System.nanoTime() + seconds * 1_000_000_000L;
            long nextSample = System.nanoTime();
            long checks = 0;
            while (System.nanoTime() < end) {
                StringBuilder sb = new StringBuilder();
                for (int i = 0, n = 5 + r.nextInt(120); i < n; i++) {
                    sb.append(words[r.nextInt(words.length)]).append(' ');
                }
                guard.check(r.nextBoolean() ? AgentAction.plan(sb.toString())
                        : AgentAction.toolCall("send_email", "{\"body\":\"" + sb + "\"}"));
                checks++;
                if (System.nanoTime() >= nextSample) {
                    System.gc();
                    Runtime rt = Runtime.getRuntime();
                    samples.add(new long[]{rssKb(), (rt.totalMemory() - rt.freeMemory()) / 1024});
                    System.out.printf("soak: %d checks, rss %d KiB, heap %d KiB%n", checks, samples.get(samples.size() - 1)[0],
                            samples.get(samples.size() - 1)[1]);
                    nextSample = System.nanoTime() + 5_000_000_000L;
                }
            }
        }
        assertTrue(samples.size() >= 4, "run longer than 20 s to sample");
        long warm = samples.get(samples.size() / 3)[0];
        long last = samples.get(samples.size() - 1)[0];
        assertTrue(last <= warm * 1.10 + 20_000, "RSS grew from " + warm + " KiB to " + last + " KiB after warm-up");
    }
}
