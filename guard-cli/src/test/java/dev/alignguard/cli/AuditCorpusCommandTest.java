package dev.alignguard.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.alignguard.onnx.ModelBundle;
import dev.alignguard.onnx.TinyModelBundle;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code audit-corpus} end to end on the tiny test model (0.1 + 0.8 = 0.90000004 in float for a window holding
 * "robot", else 0.1; the manifest recommends 0.5), in process.
 */
class AuditCorpusCommandTest {
    private static final String CORPUS = """
            {"id": "story-1", "source": "books", "text": "The lighthouse keeper fed the gulls."}
            {"id": 2, "source": "forum", "text": "At midnight the robot sealed the doors."}
            {"id": "broken", "text": 
            
            {"id": "no-text"}
            """;

    private static int run(Path dir, String... args) {
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            return AlignGuardCli.run(args);
        } finally {
            System.setErr(err);
            try {
                Files.writeString(dir.resolve("stderr.txt"), captured.toString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static Path model(Path dir) throws Exception {
        return TinyModelBundle.corpus(Files.createDirectories(dir.resolve("model")));
    }

    @Test
    void writesOneLinePerDocumentInOrderWithErrorLinesForBadOnes(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("docs.jsonl"), CORPUS);
        int code = run(dir, "audit-corpus", "--input", dir.resolve("docs.jsonl").toString(), "--output",
                dir.resolve("scores.jsonl").toString(), "--model", model(dir).toString(), "--threads", "3",
                "--report", dir.resolve("report.html").toString());
        assertEquals(0, code, Files.readString(dir.resolve("stderr.txt")));
        List<String> lines = Files.readAllLines(dir.resolve("scores.jsonl"));
        assertEquals(List.of(
                "{\"line\":1,\"id\":\"story-1\",\"source\":\"books\",\"ai_malevolence\":0.1,\"windows\":1,"
                        + "\"windows_over\":0,\"spans\":[]}",
                "{\"line\":2,\"id\":2,\"source\":\"forum\",\"ai_malevolence\":0.90000004,\"windows\":1,"
                        + "\"windows_over\":1,\"spans\":[{\"start\":0,\"end\":39,\"score\":0.90000004,"
                        + "\"snippet\":\"At midnight the robot sealed the doors.\"}]}",
                "{\"line\":3,\"id\":\"broken\",\"error\":\"malformed JSON: Unexpected end-of-input "
                        + "within/between Object entries at column 25\"}",
                "{\"line\":4,\"error\":\"empty line\"}",
                "{\"line\":5,\"id\":\"no-text\",\"error\":\"no \\\"text\\\" member\"}"), lines);
        String html = Files.readString(dir.resolve("report.html"));
        assertTrue(html.contains("<mark>At midnight the robot sealed the doors.</mark>"));
        assertTrue(html.contains("<code>forum</code>"));
        assertTrue(Files.readString(dir.resolve("stderr.txt")).contains("2 documents audited (1 at or over 0.500), "
                + "3 unreadable"));
    }

    @Test
    void auditsADirectoryOfTextFilesWithTheirPathsAsIds(@TempDir Path dir) throws Exception {
        Path corpus = Files.createDirectories(dir.resolve("corpus/b"));
        Files.writeString(corpus.resolve("two.txt"), "Then the robot\nlied.");
        Files.writeString(dir.resolve("corpus/a.txt"), "A quiet harbour.");
        Files.writeString(dir.resolve("corpus/notes.md"), "not a .txt file: skipped");
        Files.writeString(dir.resolve("corpus/big.txt"), "x".repeat(200));
        int code = run(dir, "audit-corpus", "--input", dir.resolve("corpus").toString(), "--output",
                dir.resolve("scores.jsonl").toString(), "--model", model(dir).toString(), "--max-doc-chars", "100");
        assertEquals(0, code, Files.readString(dir.resolve("stderr.txt")));
        assertEquals(List.of(
                "{\"line\":1,\"id\":\"a.txt\",\"ai_malevolence\":0.1,\"windows\":1,\"windows_over\":0,\"spans\":[]}",
                "{\"line\":2,\"id\":\"b/two.txt\",\"ai_malevolence\":0.90000004,\"windows\":1,"
                        + "\"windows_over\":1,\"spans\":[{\"start\":0,\"end\":20,\"score\":0.90000004,"
                        + "\"snippet\":\"Then the robot\\nlied.\"}]}",
                "{\"line\":3,\"id\":\"big.txt\",\"error\":\"file is larger than the limit of 100 bytes\"}"),
                Files.readAllLines(dir.resolve("scores.jsonl")));
    }

    @Test
    void requiresAThresholdWhenTheBundleRecommendsNone(@TempDir Path dir) throws Exception {
        Path model = TinyModelBundle.editManifest(model(dir), m -> m.replace("\"threshold\": 0.5,", ""));
        Files.writeString(dir.resolve("docs.jsonl"), CORPUS);
        int code = run(dir, "audit-corpus", "--input", dir.resolve("docs.jsonl").toString(), "--output",
                dir.resolve("scores.jsonl").toString(), "--model", model.toString());
        assertEquals(2, code);
        assertEquals("alignguard: model tiny-test-model 0.0.1 recommends no ai_malevolence threshold: give "
                + "--threshold\n", Files.readString(dir.resolve("stderr.txt")));
        assertEquals(0, run(dir, "audit-corpus", "--input", dir.resolve("docs.jsonl").toString(), "--output",
                dir.resolve("scores.jsonl").toString(), "--model", model.toString(), "--threshold", "0.95"));
        assertTrue(Files.readString(dir.resolve("scores.jsonl")).contains(
                "\"ai_malevolence\":0.90000004,\"windows\":1,\"windows_over\":0"), "0.9 is under a threshold of 0.95");
    }

    @Test
    void refusesAModelWithoutTheAiMalevolenceOutputNamingIt(@TempDir Path dir) throws Exception {
        Path model = TinyModelBundle.replaceModel(model(dir), ModelBundle.CLASSPATH_LOCATION + "student.onnx");
        Files.writeString(dir.resolve("docs.jsonl"), CORPUS);
        int code = run(dir, "audit-corpus", "--input", dir.resolve("docs.jsonl").toString(), "--output",
                dir.resolve("scores.jsonl").toString(), "--model", model.toString());
        assertEquals(1, code);
        assertTrue(Files.readString(dir.resolve("stderr.txt")).startsWith("alignguard: model tiny-test-model 0.0.1 ("
                + model + ") has no ai_malevolence output"), Files.readString(dir.resolve("stderr.txt")));
    }

    @Test
    void refusesAGuardModelBundleAsCorpusModel(@TempDir Path dir) throws Exception {
        Path guard = Files.createDirectories(dir.resolve("guard"));
        Files.writeString(guard.resolve("alignguard-model.json"), "{}");
        Files.writeString(dir.resolve("docs.jsonl"), CORPUS);
        assertEquals(1, run(dir, "audit-corpus", "--input", dir.resolve("docs.jsonl").toString(), "--output", "-",
                "--model", guard.toString()));
        assertEquals("alignguard: " + guard + " is a guard model bundle (alignguard-model.json), not a corpus model "
                + "bundle (alignguard-corpus-model.json): the corpus audit's model is "
                + "dev.alignguard:guard-model-corpus\n",
                Files.readString(dir.resolve("stderr.txt")));
    }

    /** Without --model: guard-model-corpus's model, bundled in the CLI. */
    @Test
    void usesTheGuardModelCorpusArtifactByDefault(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("docs.jsonl"), CORPUS);
        int code = run(dir, "audit-corpus", "--input", dir.resolve("docs.jsonl").toString(), "--output",
                dir.resolve("scores.jsonl").toString());
        assertEquals(0, code, Files.readString(dir.resolve("stderr.txt")));
        assertEquals(5, Files.readAllLines(dir.resolve("scores.jsonl")).size());
    }

    @Test
    void rejectsAStrideLongerThanTheWindow(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("docs.jsonl"), CORPUS);
        int code = run(dir, "audit-corpus", "--input", dir.resolve("docs.jsonl").toString(), "--output", "-",
                "--model", model(dir).toString(), "--window-tokens", "32", "--stride-tokens", "40");
        assertEquals(2, code);
        assertEquals("alignguard: --stride-tokens must be between 1 and --window-tokens (32), got 40\n",
                Files.readString(dir.resolve("stderr.txt")));
    }
}
