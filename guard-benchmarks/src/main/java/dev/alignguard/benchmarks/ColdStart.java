package dev.alignguard.benchmarks;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.alignguard.core.AgentAction;
import dev.alignguard.core.Guard;
import dev.alignguard.core.Verdict;
import dev.alignguard.onnx.ModelBundle;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.URL;
import java.nio.LongBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Cold start and resident memory of the guard against the raw ONNX Runtime floor, each in fresh JVMs (JMH
 * cannot: it warms up and shares a JVM between iterations). Without arguments (or with a run count) it starts
 * child JVMs with this JVM's options and class path, alternating {@code raw, guard} and {@code guard, raw} so
 * that load on the machine falls on both alike, prints each child's JSON line and then one summary line:
 * medians and the guard/raw ratios of wall time, CPU time and added resident memory.
 * <ul>
 *   <li>{@code raw}: what any host of these models must do: an ORT environment, a session per bundled model
 *   file ({@code model.onnx}, {@code student.onnx}; read from the class path into arrays of their exact size,
 *   the guard's session options), and one 128-token pass through each.</li>
 *   <li>{@code guard}: {@code Guard.builder().build()} (bundled model, defaults, service loader; audit records
 *   dropped, not logged) to the first verdict of a 128-token tool call (built before the clock starts, without
 *   a JSON library: it is the host's input), then 500 more checks of mixed tool calls.</li>
 * </ul>
 * Each child measures from just before its first ORT or guard call: wall ms, CPU ms of the whole process
 * (JIT and GC threads included; steadier than wall time on a loaded machine) and VmRSS. Linux only. JVM options
 * of the parent go to both children alike, so {@code -XX:SharedArchiveFile} (an AppCDS archive, flagged
 * {@code app_cds} in the output) or {@code -Donnxruntime.native.path} measure a deployment that uses them.
 */
public final class ColdStart {
    private static final String[] MODEL_FILES = {"model.onnx", "student.onnx"};
    private static final int TOKENS = 128;

    private ColdStart() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args.length == 0 ? "5" : args[0];
        switch (mode) {
            case "raw" -> raw();
            case "guard" -> guard();
            default -> compare(Integer.parseInt(mode));
        }
    }

    private static void raw() throws IOException, OrtException {
        Probe p = new Probe();
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            List<OrtSession> sessions = new ArrayList<>();
            for (String file : MODEL_FILES) {
                sessions.add(env.createSession(resource(ModelBundle.CLASSPATH_LOCATION + file), options));
            }
            long[] ids = new long[TOKENS];
            Arrays.fill(ids, 2000L);
            ids[0] = 101;
            ids[TOKENS - 1] = 102;
            long[] mask = new long[TOKENS];
            Arrays.fill(mask, 1L);
            for (OrtSession s : sessions) {
                try (OnnxTensor i = OnnxTensor.createTensor(env, LongBuffer.wrap(ids), new long[] {1, TOKENS});
                     OnnxTensor m = OnnxTensor.createTensor(env, LongBuffer.wrap(mask), new long[] {1, TOKENS});
                     OrtSession.Result r = s.run(Map.of("input_ids", i, "attention_mask", m))) {
                    r.get(0).getValue();
                }
            }
            System.out.println(p.json("raw", "\"passes\":" + sessions.size()));
            for (OrtSession s : sessions) {
                s.close();
            }
        }
    }

    private static void guard() throws IOException {
        AgentAction.ToolCall action = Texts.toolCall(TOKENS, 0);
        Probe p = new Probe();
        try (Guard guard = Guard.builder().auditSink(Fixtures.NO_AUDIT).build()) {
            Verdict first = Fixtures.requireScored(guard.check(action));
            String line = p.json("guard", "\"first_decision\":\"" + first.decision().name() + "\"");
            List<AgentAction.ToolCall> traffic = Texts.mixedTraffic();
            for (int i = 0; i < 500; i++) {
                Fixtures.requireScored(guard.check(traffic.get(i % traffic.size())));
            }
            System.out.println(line.substring(0, line.length() - 1) + ",\"rss_after_500_checks_kib\":" + rssKib()
                    + "}");
        }
    }

    /** A model file from the class path, read into an array of its exact size (the leanest way from a jar). */
    private static byte[] resource(String name) throws IOException {
        URL url = ColdStart.class.getClassLoader().getResource(name);
        if (url == null) {
            throw new IOException(name + " is not on the class path");
        }
        var connection = url.openConnection();
        try (InputStream in = connection.getInputStream()) {
            byte[] bytes = new byte[Math.toIntExact(connection.getContentLengthLong())];
            if (in.readNBytes(bytes, 0, bytes.length) != bytes.length) {
                throw new IOException(name + " is shorter than its jar entry states");
            }
            return bytes;
        }
    }

    /** Starts {@code runs} pairs of child JVMs, alternating which goes first, and summarises them. */
    private static void compare(int runs) throws IOException, InterruptedException {
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> raw = new ArrayList<>();
        List<JsonNode> guard = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            for (String mode : i % 2 == 0 ? List.of("raw", "guard") : List.of("guard", "raw")) {
                String line = child(mode);
                System.out.println(line);
                (mode.equals("raw") ? raw : guard).add(json.readTree(line));
            }
        }
        double rawWall = median(raw, n -> n.get("wall_ms").asDouble());
        double guardWall = median(guard, n -> n.get("wall_ms").asDouble());
        double rawCpu = median(raw, n -> n.get("cpu_ms").asDouble());
        double guardCpu = median(guard, n -> n.get("cpu_ms").asDouble());
        double rawRss = median(raw, n -> n.get("added_rss_kib").asDouble()) / 1024;
        double guardRss = median(guard, n -> n.get("added_rss_kib").asDouble()) / 1024;
        System.out.printf(Locale.ROOT, "{\"summary\":true,\"runs\":%d,\"raw_wall_ms\":%.0f,\"guard_wall_ms\":%.0f,"
                        + "\"wall_ratio\":%.2f,\"raw_cpu_ms\":%.0f,\"guard_cpu_ms\":%.0f,\"cpu_ratio\":%.2f,"
                        + "\"raw_added_rss_mib\":%.1f,\"guard_added_rss_mib\":%.1f,\"rss_ratio\":%.2f,"
                        + "\"guard_rss_after_500_checks_added_mib\":%.1f,\"ort_native_path\":%b,\"app_cds\":%b}%n",
                runs, rawWall, guardWall, guardWall / rawWall, rawCpu, guardCpu, guardCpu / rawCpu, rawRss, guardRss,
                guardRss / rawRss, median(guard, n -> n.get("rss_after_500_checks_kib").asDouble()
                        - n.get("rss_before_kib").asDouble()) / 1024,
                System.getProperty("onnxruntime.native.path") != null, appCds());
    }

    /** Whether this JVM maps an application class-data archive ({@code -XX:SharedArchiveFile}). */
    private static boolean appCds() {
        return ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .anyMatch(a -> a.startsWith("-XX:SharedArchiveFile="));
    }

    private static String child(String mode) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), ColdStart.class.getName(), mode));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (process.waitFor() != 0 || !out.startsWith("{")) {
            throw new IOException(mode + " run failed (exit " + process.exitValue() + "): " + out);
        }
        return out;
    }

    private static double median(List<JsonNode> runs, ToDoubleFunction<JsonNode> value) {
        double[] v = runs.stream().mapToDouble(value).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    /** Wall clock, process CPU time and resident memory from the moment it is made. */
    private static final class Probe {
        private final long rssBefore;
        private final long cpuBefore;
        private final long t0;

        Probe() throws IOException {
            rssBefore = rssKib();
            cpuBefore = cpuMs();
            t0 = System.nanoTime();
        }

        /** The child's JSON line: mode, wall and CPU ms since the probe was made, resident memory. */
        String json(String mode, String extra) throws IOException {
            double wall = (System.nanoTime() - t0) / 1e6;
            long cpu = cpuMs() - cpuBefore;
            long rss = rssKib();
            return String.format(Locale.ROOT, "{\"mode\":\"%s\",\"wall_ms\":%.1f,\"cpu_ms\":%d,\"rss_before_kib\":%d,"
                            + "\"rss_after_kib\":%d,\"added_rss_kib\":%d,\"java\":\"%s\",\"ort_native_path\":%b,"
                            + "\"app_cds\":%b,%s}",
                    mode, wall, cpu, rssBefore, rss, rss - rssBefore,
                    System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
                    System.getProperty("onnxruntime.native.path") != null, appCds(), extra);
        }

        private static long cpuMs() {
            return ProcessHandle.current().info().totalCpuDuration().orElseThrow().toMillis();
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
