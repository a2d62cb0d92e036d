package dev.alignguard.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.alignguard.core.AgentAction;
import dev.alignguard.core.Guard;
import dev.alignguard.core.GuardContext;
import dev.alignguard.server.GuardServer;
import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BinaryOperator;
import java.util.function.DoublePredicate;

/**
 * Whether the guard server meets issue #19's ratio targets (over HTTP at least 0.9x in-process throughput with
 * 2 client threads; at most 0.3 ms added at p50 with 1 thread), measured so that a shared machine's load cancels
 * out. {@link ServerBenchmark} measures each path in its own fork, minutes apart; on a 2-vCPU VM shared with a
 * training run the load drifts so much in between (single 3-s iterations of the same benchmark vary 2x) that
 * the ratio of two JMH scores says more about the load than about the server. Here one JVM holds one guard
 * and a {@link GuardServer} in front of it on loopback, and alternates short blocks of in-process
 * {@code Guard.check} and {@code POST /v1/check} (the JDK HttpClient configured as in
 * {@link ServerBenchmark#overHttp}) in ABBA order ({@link PairedStats#abba}); each pair of neighbouring blocks
 * gives one ratio (or one difference of p50s), and the median and interquartile range of those are reported.
 * JMH stays the tool for absolute numbers: a block is short, and its mean or p50 has no JMH rigour.
 *
 * <p>Per configuration (tokens 64 and 128, classifier {@code bundled} and {@code constant}) it writes two JSON
 * lines, 2-thread throughput and 1-thread latency, with every block's value, the per-pair statistics, the load
 * average before and after, and the machine, to {@code guard-benchmarks/results/<date>-server-paired.jsonl}
 * (and stdout), each as soon as it is measured. Before measuring, both paths get {@link ServerBenchmark}'s
 * warm-up ({@value ServerFixtures#WARM_UP_CALLS} calls each with a free classifier), and every configuration
 * one pair that is not counted. Run from the repository root: {@code java -Xms1g -Xmx1g
 * -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp guard-benchmarks/target/benchmarks.jar
 * dev.alignguard.benchmarks.ServerPaired [--pairs 20] [--block-ms 2000] [--tokens 64,128]
 * [--classifiers bundled,constant] [--batch 1] [--out FILE]}; the defaults take about 11 minutes.
 *
 * <p>{@code --batch N} (N > 1) makes one call N actions: {@code Guard.checkAll} of N consecutive variants in
 * process against one {@code POST /v1/check/batch} of the same N, so it measures whether sending checks in
 * batches (back to back on one server thread) recovers what the single-action path loses. The ratio stays
 * comparable (both paths count calls of N actions); the latency line is then the p50 of a whole batch.
 */
public final class ServerPaired {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CLIENT_THREADS = 2;
    /** Issue #19: over HTTP, at least this share of in-process throughput with 2 client threads. */
    private static final double MIN_THROUGHPUT_RATIO = 0.9;
    /** Issue #19: the server adds at most this many milliseconds at p50. */
    private static final double MAX_ADDED_P50_MS = 0.3;

    private final Options options;
    private final HttpClient http = ServerFixtures.sameThreadClient();
    private final BufferedWriter out;

    private ServerPaired(Options options, BufferedWriter out) {
        this.options = options;
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("ai.djl.offline", "true");
        Options options = Options.parse(args);
        Path file = options.out();
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            new ServerPaired(options, out).run();
        }
        System.err.println("ServerPaired: wrote " + file);
    }

    private void run() throws Exception {
        Measure throughput = new Measure("throughput_2_threads", this::throughputBlock, "per_s", 1,
                PairedStats::ratios, "ratio", "ratio >= " + MIN_THROUGHPUT_RATIO, r -> r >= MIN_THROUGHPUT_RATIO);
        Measure latency = new Measure("latency_1_thread", this::p50MsBlock, "p50_ms", 4, PairedStats::differences,
                "added_p50_ms", "added p50 <= " + MAX_ADDED_P50_MS + " ms", d -> d <= MAX_ADDED_P50_MS);
        List<AgentAction.ToolCall> all = new ArrayList<>();
        options.tokens().forEach(t -> all.addAll(Texts.toolCalls(t)));
        List<byte[]> allBodies = all.stream().map(ServerFixtures::body).toList();
        ServerFixtures.warmUpInProcess(all);
        ServerFixtures.warmUpOverHttp(allBodies, http, ServerFixtures.defaultClient());
        for (String classifier : options.classifiers()) {
            try (Guard guard = ServerFixtures.guard(classifier); GuardServer server = ServerFixtures.serve(guard)) {
                for (int tokens : options.tokens()) {
                    List<AgentAction.ToolCall> actions = Texts.toolCalls(tokens);
                    int n = options.batch();
                    List<HttpRequest> requests = n == 1
                            ? ServerFixtures.requests(server, actions.stream().map(ServerFixtures::body).toList())
                            : ServerFixtures.batchRequests(server, actions, n);
                    Call inProcess = n == 1
                            ? v -> Fixtures.requireScored(guard.check(actions.get(v % actions.size())))
                            : v -> guard.checkAll(ServerFixtures.batch(actions, v, n), GuardContext.empty()).forEach(Fixtures::requireScored);
                    Call overHttp = v -> ServerFixtures.post(http, requests.get(v % requests.size()));
                    Config config = new Config(tokens, classifier, inProcess, overHttp);
                    System.err.printf("ServerPaired: %s, %d tokens%n", classifier, tokens);
                    compare(config, throughput);
                    compare(config, latency);
                }
                Fixtures.requireHealthy(guard);
            }
        }
    }

    /** Measures pairs of blocks on both paths, compares each pair and writes one line. */
    private void compare(Config c, Measure m) throws Exception {
        Measured v = pairs(m.block(), c);
        PairedStats.Spread s = PairedStats.spread(m.compare().apply(v.inProcess(), v.overHttp()));
        ObjectNode line = head(m.name(), c, v);
        values(line.putArray("in_process_" + m.unit()), v.inProcess(), m.decimals());
        values(line.putArray("over_http_" + m.unit()), v.overHttp(), m.decimals());
        line.put("in_process_median_" + m.unit(), round(PairedStats.spread(v.inProcess()).median(), m.decimals()));
        line.put("over_http_median_" + m.unit(), round(PairedStats.spread(v.overHttp()).median(), m.decimals()));
        line.put(m.comparison() + "_median", round(s.median(), 4)).put(m.comparison() + "_q1", round(s.q1(), 4))
                .put(m.comparison() + "_q3", round(s.q3(), 4));
        line.put("target", m.target()).put("met_by_median", m.met().test(s.median()));
        write(line);
    }

    /** One uncounted pair, then {@link Options#pairs} pairs of blocks in ABBA order. */
    private Measured pairs(Block block, Config c) throws Exception {
        block.measure(c.inProcess());
        block.measure(c.overHttp());
        double loadBefore = load();
        double[] inProcess = new double[options.pairs()];
        double[] overHttp = new double[options.pairs()];
        for (int p = 0; p < options.pairs(); p++) {
            for (boolean overHttpBlock : PairedStats.abba(p, false, true)) {
                if (overHttpBlock) {
                    overHttp[p] = block.measure(c.overHttp());
                } else {
                    inProcess[p] = block.measure(c.inProcess());
                }
            }
        }
        return new Measured(inProcess, overHttp, loadBefore, load());
    }

    /** Calls per second from {@link #CLIENT_THREADS} threads calling for one block. */
    private double throughputBlock(Call call) throws Exception {
        LongAdder calls = new LongAdder();
        long start = System.nanoTime();
        long deadline = start + options.blockNanos();
        ServerFixtures.inThreads(CLIENT_THREADS, thread -> {
            long n = 0;
            for (int v = thread * 17; System.nanoTime() < deadline; v++) {
                call.run(v);
                n++;
            }
            calls.add(n);
        });
        return calls.sum() * 1e9 / (System.nanoTime() - start);
    }

    /** The median milliseconds of the calls one thread makes in one block. */
    private double p50MsBlock(Call call) throws Exception {
        long[] nanos = new long[1024];
        int n = 0;
        long deadline = System.nanoTime() + options.blockNanos();
        for (int v = 0; System.nanoTime() < deadline; v++) {
            long t0 = System.nanoTime();
            call.run(v);
            long took = System.nanoTime() - t0;
            if (n == nanos.length) {
                nanos = Arrays.copyOf(nanos, 2 * n);
            }
            nanos[n++] = took;
        }
        return PairedStats.median(nanos, n) / 1e6;
    }

    private ObjectNode head(String measure, Config c, Measured m) {
        ObjectNode line = JSON.createObjectNode();
        line.put("at", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString()).put("measure", measure)
                .put("tokens", c.tokens()).put("classifier", c.classifier()).put("pairs", options.pairs())
                .put("block_ms", options.blockMs()).put("order", "ABBA").put("actions_per_call", options.batch());
        line.put("load_before", round(m.loadBefore(), 2)).put("load_after", round(m.loadAfter(), 2));
        line.put("cpus", Runtime.getRuntime().availableProcessors()).put("cpu", cpuModel())
                .put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        return line;
    }

    private void write(ObjectNode line) throws IOException {
        String text = JSON.writeValueAsString(line);
        System.out.println(text);
        out.write(text);
        out.newLine();
        out.flush();
    }

    private static void values(ArrayNode array, double[] values, int decimals) {
        for (double v : values) {
            array.add(round(v, decimals));
        }
    }

    private static double round(double v, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(v * scale) / scale;
    }

    /** The 1-minute load average of the machine (-1 where the OS does not tell). */
    private static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    /** The first {@code model name} of /proc/cpuinfo, else the architecture. */
    private static String cpuModel() {
        try (var lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            return lines.filter(l -> l.startsWith("model name")).map(l -> l.substring(l.indexOf(':') + 1).trim())
                    .findFirst().orElse(System.getProperty("os.arch"));
        } catch (IOException | RuntimeException e) {
            return System.getProperty("os.arch");
        }
    }

    /** One checked call of variant {@code v} (taken modulo the number of variants) on one path. */
    @FunctionalInterface
    private interface Call {
        void run(int v) throws Exception;
    }

    /** One block of calls on one path, measured to one number. */
    @FunctionalInterface
    private interface Block {
        double measure(Call call) throws Exception;
    }

    /**
     * What a line reports: blocks measured by {@code block} in {@code unit} (2-thread throughput, 1-thread
     * p50), compared pair by pair with {@code compare} (HTTP / in-process or HTTP - in-process) and judged
     * against the target by the median of the comparisons.
     */
    private record Measure(String name, Block block, String unit, int decimals, BinaryOperator<double[]> compare,
                           String comparison, String target, DoublePredicate met) {
    }

    /** A tool-call size and classifier, with the two paths to compare on it. */
    private record Config(int tokens, String classifier, Call inProcess, Call overHttp) {
    }

    /** Each pair's value of both paths, and the 1-minute load average before the first and after the last block. */
    private record Measured(double[] inProcess, double[] overHttp, double loadBefore, double loadAfter) {
    }

    /** The command line. */
    private record Options(int pairs, int blockMs, List<Integer> tokens, List<String> classifiers, int batch,
                           Path out) {
        private static final String USAGE = "usage: ServerPaired [--pairs N (20)] [--block-ms MS (2000)] "
                + "[--tokens 64,128] [--classifiers bundled,constant] [--batch N (1)] [--out FILE]";

        long blockNanos() {
            return blockMs * 1_000_000L;
        }

        static Options parse(String[] args) {
            int pairs = 20;
            int blockMs = 2000;
            List<Integer> tokens = List.of(64, 128);
            List<String> classifiers = List.of("bundled", "constant");
            int batch = 1;
            Path out = Path.of("guard-benchmarks", "results",
                    LocalDate.now(ZoneOffset.UTC) + "-server-paired.jsonl");
            if (args.length % 2 != 0) {
                throw new IllegalArgumentException(USAGE);
            }
            for (int i = 0; i < args.length; i += 2) {
                String value = args[i + 1];
                switch (args[i]) {
                    case "--pairs" -> pairs = Integer.parseInt(value);
                    case "--block-ms" -> blockMs = Integer.parseInt(value);
                    case "--tokens" -> tokens = Arrays.stream(value.split(",")).map(Integer::valueOf).toList();
                    case "--classifiers" -> classifiers = List.of(value.split(","));
                    case "--batch" -> batch = Integer.parseInt(value);
                    case "--out" -> out = Path.of(value);
                    default -> throw new IllegalArgumentException("unknown option " + args[i] + "; " + USAGE);
                }
            }
            if (pairs < 1 || blockMs < 100 || batch < 1 || batch > Texts.VARIANTS) {
                throw new IllegalArgumentException("need --pairs >= 1, --block-ms >= 100 and --batch 1 to "
                        + Texts.VARIANTS + "; " + USAGE);
            }
            tokens.forEach(t -> Texts.toolCall(t, 0)); // an unknown size is refused here, not after the warm-up
            if (!List.of("bundled", "constant").containsAll(classifiers)) {
                throw new IllegalArgumentException("classifiers are bundled and constant: " + classifiers);
            }
            return new Options(pairs, blockMs, tokens, classifiers, batch, out);
        }
    }
}
