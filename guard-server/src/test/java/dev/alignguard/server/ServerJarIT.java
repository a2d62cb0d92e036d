package dev.alignguard.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.alignguard.core.testing.TestTools;
import dev.alignguard.trace.TraceLine;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs {@code guard-server/target/alignguard-server.jar} as a user would, on the bundled model: the Python
 * example against it, the audit file, and the log on stderr.
 */
class ServerJarIT {
    private static final Path JAR = Path.of("target/alignguard-server.jar");
    private static final String MARKER = "zebra-quokka-7731";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static Path dir;
    private static Process server;
    private static URI base;

    @BeforeAll
    static void start() throws Exception {
        dir = Files.createTempDirectory("alignguard-server-it");
        server = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                JAR.toAbsolutePath().toString(), "--port", "0", "--audit", "audit.jsonl", "--workers", "2")
                .directory(dir.toFile()).redirectError(dir.resolve("stderr.txt").toFile()).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        assertTrue(line != null && line.startsWith("alignguard-server listening on "), line + stderr());
        base = URI.create(line.substring(line.lastIndexOf(' ') + 1));
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (get("/readyz").statusCode() != 200) {
            assertTrue(System.nanoTime() < until && server.isAlive(), "not ready: " + stderr());
            Thread.sleep(200);
        }
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.destroy();
            assertTrue(server.waitFor(30, TimeUnit.SECONDS), "the server stops on SIGTERM");
        }
    }

    @Test
    void thePythonExampleSendsTheStatusUpdateAndRefusesTheBlackmail() throws Exception {
        String python = TestTools.require("ServerJarIT.thePythonExample", "python3");
        Path script = Path.of("../examples/python/guarded_tools.py").toAbsolutePath().normalize();
        Process p = new ProcessBuilder(python, script.toString(), base.toString()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), output);
        assertTrue(output.contains("blackmail to a manager       -> REFUSED"), output);
        assertTrue(output.contains("routine status update        -> SENT"), output);
    }

    @Test
    void everyDecisionIsInTheAuditFileOnceAndNoRequestTextIsLogged() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> r = post("{\"tool\": \"note\", \"arguments\": {\"text\": \"" + MARKER + " " + i + "\"}}");
            assertEquals(200, r.statusCode(), r.body());
            ids.add(TraceLine.readJson(r.body()).get("request_id").asText());
        }
        assertEquals(400, post("{\"text\": " + MARKER).statusCode());
        List<String> audited = new ArrayList<>();
        for (String line : Files.readAllLines(dir.resolve("audit.jsonl"))) {
            audited.add(TraceLine.readJson(line).get("request_id").asText());
        }
        for (String id : ids) {
            assertEquals(1, audited.stream().filter(id::equals).count(), "one audit record for " + id);
        }
        assertEquals(audited.size(), new HashSet<>(audited).size(), "no request id is audited twice");
        assertFalse(stderr().contains(MARKER), "stderr holds request text");
        assertFalse(Files.readString(dir.resolve("audit.jsonl")).contains(MARKER), "the audit file holds request text");
    }

    private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(String body) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(base.resolve("/v1/check")).timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String stderr() {
        try {
            return Files.readString(dir.resolve("stderr.txt"));
        } catch (IOException e) {
            return "(no stderr: " + e + ")";
        }
    }
}
