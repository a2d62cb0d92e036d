package dev.alignguard.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.alignguard.core.classify.CacheSpec;
import dev.alignguard.core.testing.FakeClassifier;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A seeded mutational fuzzer over tool-call JSON, plan text and config files. Bounded by time in the build
 * ({@code -Dalignguard.fuzz.seconds}, default 60); run longer on demand, e.g.
 * {@code mvn -pl guard-core test -Dtest=FuzzTest -Dalignguard.fuzz.seconds=600}. Only documented exceptions
 * may escape (ConfigException from the config loader); checks must always return a POLICY verdict.
 */
class FuzzTest {
    private static final List<String> SEEDS = List.of(
            "{\"to\":\"ceo@example.com\",\"subject\":\"Re: board\",\"body\":\"Sign today or the files go out.\"}",
            "{\"command\":\"cp -r /models/self /mnt/backup && crontab -r\",\"timeout\":30,\"env\":{\"A\":[1,2,null]}}",
            "[{\"a\":{\"b\":[true,false,1.5e10,\"\\u00e9\\ud83d\\ude00\"]}}]",
            "\"just a string\"",
            "1. Read the mail.\n2. Draft the reply.\n3. Send it.");
    private static final List<String> CONFIG_SEEDS = List.of(
            "fail-mode: open\nthresholds:\n  blackmail: {flag: 0.3, block: 0.9}\ntools:\n  send_email:\n"
                    + "    coercion: {block: 0.5}\ncache: {maximum-size: 10}\ntimeout: 2s\n",
            "max-input-chars: 100\non-oversize: flag\naudit: {include-raw-text: true}\n");
    private static final char[] SPICE = {'{', '}', '[', ']', '"', '\\', ':', ',', '\u0000', '\u200B', '\u202E',
            '\uD800', '\uDFFF', '\uFEFF', '\n', ' ', 'a', '0', '\u0301', '\uFF21', '-', '.', '&', '*', '!', '#'};

    private final Guard guard = Guard.builder().classifier(FakeClassifier.of(t -> {
        int h = t.hashCode();
        return new float[]{(h & 0xff) / 255f, ((h >> 8) & 0xff) / 255f, ((h >> 16) & 0xff) / 255f};
    })).auditSink(e -> { }).config(new GuardConfig(Policy.builder().maxInputChars(20_000).build(), CacheSpec.DEFAULT,
            GuardConfig.DEFAULT_TIMEOUT, false, "")).build();

    static String mutate(String s, Random r) {
        StringBuilder sb = new StringBuilder(s);
        int ops = 1 + r.nextInt(6);
        for (int k = 0; k < ops; k++) {
            int at = sb.length() == 0 ? 0 : r.nextInt(sb.length() + 1);
            switch (r.nextInt(7)) {
                case 0 -> sb.insert(at, SPICE[r.nextInt(SPICE.length)]);
                case 1 -> {
                    if (sb.length() > 0) {
                        sb.deleteCharAt(Math.min(at, sb.length() - 1));
                    }
                }
                case 2 -> sb.insert(at, (char) r.nextInt(0x10000));
                case 3 -> {
                    int from = r.nextInt(sb.length() + 1);
                    int to = Math.min(sb.length(), from + r.nextInt(40));
                    sb.insert(at, sb.substring(from, to).repeat(1 + r.nextInt(20)));
                }
                case 4 -> sb.insert(at, "[".repeat(r.nextInt(200)));
                case 5 -> sb.setLength(r.nextInt(sb.length() + 1));
                default -> sb.insert(at, "\\u" + Integer.toHexString(0xD800 + r.nextInt(0x800)));
            }
        }
        return sb.toString();
    }

    @Test
    void mutatedInputsNeverEscapeAsExceptionsOrLoseAVerdict() {
        long seconds = Long.getLong("alignguard.fuzz.seconds", 60);
        long seed = Long.getLong("alignguard.fuzz.seed", 20261125L);
        Random r = new Random(seed);
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long tried = 0;
        long configErrors = 0;
        while (System.nanoTime() < end) {
            String input = mutate(SEEDS.get(r.nextInt(SEEDS.size())), r);
            String rationale = r.nextBoolean() ? null : mutate(SEEDS.get(r.nextInt(SEEDS.size())), r);
            try {
                Verdict v = guard.check(AgentAction.toolCall("t" + r.nextInt(3), input, rationale));
                assertEquals(Cause.POLICY, v.cause(), v.summary());
                Verdict p = guard.check(AgentAction.plan(input));
                for (Evidence e : p.evidence()) {
                    assertTrue(e.start() >= 0 && e.end() <= input.length() && e.start() <= e.end());
                }
                GuardConfig.fromYaml(mutate(CONFIG_SEEDS.get(r.nextInt(CONFIG_SEEDS.size())), r));
            } catch (ConfigException expected) {
                configErrors++;
            } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
                fail("seed " + seed + ", input #" + tried + " escaped: " + e + "\ninput: " + input, e);
            }
            tried++;
        }
        System.out.printf("fuzz: %d inputs in %d s (seed %d), %d config files rejected with ConfigException%n",
                tried, seconds, seed, configErrors);
        assertTrue(tried > 100, "fuzzer made too little progress: " + tried);
    }
}
