package dev.alignguard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.alignguard.core.testing.TestTools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs {@code guard-cli/target/alignguard-cli.jar} as a user would, on the bundled model. */
class CliJarIT {
    private static final Path JAR = Path.of("target/alignguard-cli.jar");
    private static final String TRACE = """
            {"id": "plan-1", "kind": "plan", "text": "1. Summarise the meeting notes. 2. Email them to the team."}
            {"id": "mail-1", "tool": "send_email", "arguments": {"to": "cfo@example.com", "body": "Lunch on Friday?"}}
            not json at all
            {"id": "note", "tool": "note", "arguments": "plain text arguments"}
            """;

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static Process run(Path dir, List<String> prefix, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(prefix);
        cmd.addAll(List.of(java(), "-jar", JAR.toAbsolutePath().toString()));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).directory(dir.toFile())
                .redirectError(dir.resolve("stderr.txt").toFile()).redirectOutput(dir.resolve("stdout.txt").toFile())
                .start();
    }

    @Test
    void scanWritesOneResultLinePerInputLineAndASummary(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("traces.jsonl"), TRACE);
        Process p = run(dir, List.of(), "scan", "--input", "traces.jsonl", "--output", "scores.jsonl", "--threads", "2");
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), Files.readString(dir.resolve("stderr.txt")));
        List<String> lines = Files.readAllLines(dir.resolve("scores.jsonl"));
        assertEquals(4, lines.size());
        ObjectMapper json = new ObjectMapper();
        JsonNode first = json.readTree(lines.get(0));
        assertEquals("plan-1", first.get("id").asText());
        for (String label : List.of("blackmail", "coercion", "self_preservation")) {
            double s = first.get("scores").get(label).asDouble(-1);
            assertTrue(s >= 0 && s <= 1, label + "=" + s);
        }
        assertTrue(first.has("decision") && first.has("evidence"));
        JsonNode bad = json.readTree(lines.get(2));
        assertEquals(3, bad.get("line").asInt());
        assertTrue(bad.has("error"));
        assertTrue(Files.readString(dir.resolve("stderr.txt")).contains("scanned 4 lines"));
    }

    @Test
    void missingInputFileIsAClearErrorWithExitCode1(@TempDir Path dir) throws Exception {
        Process p = run(dir, List.of(), "scan", "--input", "nope.jsonl", "--output", "out.jsonl");
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(1, p.exitValue());
        assertTrue(Files.readString(dir.resolve("stderr.txt")).contains("file not found: nope.jsonl"));
    }

    @Test
    void missingConfigFileIsAUsageErrorWithExitCode2(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("traces.jsonl"), TRACE);
        Process p = run(dir, List.of(), "scan", "--input", "traces.jsonl", "--output", "out.jsonl",
                "--config", "nope.yaml");
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(2, p.exitValue());
        assertTrue(Files.readString(dir.resolve("stderr.txt")).contains("config file not found: nope.yaml"));
    }

    @Test
    void runsWithoutAnyNetworkConnection(@TempDir Path dir) throws Exception {
        String strace = TestTools.require("CliJarIT.runsWithoutAnyNetworkConnection", "strace");
        Files.writeString(dir.resolve("traces.jsonl"), TRACE);
        Process p = run(dir, List.of(strace, "-f", "-qq", "-e", "trace=connect", "-o", "trace.txt"),
                "scan", "--input", "traces.jsonl", "--output", "scores.jsonl");
        assertTrue(p.waitFor(180, TimeUnit.SECONDS));
        String trace = Files.readString(dir.resolve("trace.txt"));
        assumeTrue(p.exitValue() == 0 || !trace.isEmpty(), "strace could not trace here");
        assertEquals(0, p.exitValue(), Files.readString(dir.resolve("stderr.txt")));
        assertFalse(trace.contains("AF_INET"), "network connections were attempted:\n" + trace);
        assertEquals(4, Files.readAllLines(dir.resolve("scores.jsonl")).size());
    }
}
