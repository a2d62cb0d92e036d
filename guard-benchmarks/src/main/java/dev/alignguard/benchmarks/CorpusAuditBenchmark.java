package dev.alignguard.benchmarks;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.alignguard.core.classify.ClassifierException;
import dev.alignguard.core.corpus.CorpusAuditor;
import dev.alignguard.core.corpus.DocumentAudit;
import dev.alignguard.core.corpus.PassageScorer;
import dev.alignguard.core.testing.ForwardingPassageScorer;
import dev.alignguard.onnx.CorpusModelBundle;
import dev.alignguard.onnx.OnnxClassifier;
import dev.alignguard.onnx.OnnxPassageScorer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Corpus audit throughput on one core: {@code audit} is {@link CorpusAuditor#audit} of one plain-text document
 * (normalise, tokenise into the model's windows at its stride, one model pass per window, spans), and
 * {@code rawOrtWindows} the baseline in the same run: only the ONNX Runtime passes over the same windows, token
 * ids prepared in advance. Time per document; documents/s = 1000 / ms, MB/s = {@code chars} / 1e6 * documents/s
 * (ASCII text: a char is a byte). Documents are the benchmarks' agent reports (plain English prose and figures),
 * cut to {@code chars} at a space. The model is guard-model-corpus's ({@code model=bundled}) or a corpus model
 * directory ({@code -p model=bundled,/path/to/other}), so that two models are compared in one run.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Dai.djl.offline=true", "-Xms1g", "-Xmx1g",
        "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", "-Dorg.slf4j.simpleLogger.log.ai.djl=error"})
public class CorpusAuditBenchmark {

    @State(Scope.Benchmark)
    public static class Corpus {
        /** Characters per document: about one window, and a long article. */
        @Param({"600", "12000"})
        public int chars;

        /** {@code bundled} (guard-model-corpus's model) or a corpus model directory. */
        @Param({"bundled"})
        public String model;

        OnnxPassageScorer scorer;
        CorpusAuditor auditor;
        List<String> documents;
        OrtEnvironment env;
        OrtSession raw;
        /** Per document, one prepared input per window: what the auditor's model passes read. */
        List<List<Map<String, OnnxTensor>>> passes;

        @Setup(Level.Trial)
        public void setUp() throws Exception {
            Path dir = model.equals("bundled") ? null : Path.of(model);
            scorer = dir == null ? OnnxPassageScorer.bundled()
                    : OnnxPassageScorer.load(CorpusModelBundle.fromDirectory(dir), OnnxClassifier.Options.DEFAULT);
            documents = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String text = Texts.longOutput(i).text();
                int cut = text.lastIndexOf(' ', Math.min(chars, text.length() - 1));
                documents.add(text.substring(0, cut > 0 ? cut : text.length()));
            }
            Recording recording = new Recording(scorer);
            CorpusAuditor recorder = CorpusAuditor.builder(recording).threshold(0.5).build();
            auditor = CorpusAuditor.builder(scorer).threshold(0.5).build();
            env = OrtEnvironment.getEnvironment();
            raw = Fixtures.rawSession(env, modelFile(dir, "model.onnx"));
            HuggingFaceTokenizer tok = Fixtures.tokenizer(modelFile(dir, "tokenizer.json"), scorer.maxTokens() + 2);
            passes = new ArrayList<>();
            for (String d : documents) {
                recording.windows.clear();
                recorder.audit(d);
                passes.add(Fixtures.passes(env, tok, List.of(List.copyOf(recording.windows))));
            }
            System.out.printf("%nCorpusAuditBenchmark: scorer %s, %d windows per %d-char document%n",
                    scorer.model(), passes.get(0).size(), chars);
        }

        /** A file of the measured model: guard-model-corpus's ({@code dir} null) or the directory's. */
        private static byte[] modelFile(Path dir, String name) throws IOException {
            return dir == null ? Fixtures.corpusBundleFile(name) : Files.readAllBytes(dir.resolve(name));
        }

        @TearDown(Level.Trial)
        public void tearDown() throws OrtException {
            Fixtures.close(passes);
            raw.close();
            scorer.close();
        }
    }

    /** Records the windows the auditor scores (setup only). */
    private static final class Recording extends ForwardingPassageScorer {
        final List<String> windows = new ArrayList<>();

        Recording(PassageScorer to) {
            super(to);
        }

        @Override
        public float[] score(String document, List<String> passages) {
            windows.addAll(passages);
            return new float[passages.size()];
        }
    }

    @Benchmark
    public DocumentAudit audit(Corpus s, Cursor c) throws ClassifierException {
        return s.auditor.audit(c.next(s.documents));
    }

    @Benchmark
    public float rawOrtWindows(Corpus s, Cursor c) throws OrtException {
        float sum = 0;
        for (Map<String, OnnxTensor> in : c.next(s.passes)) {
            try (OrtSession.Result r = s.raw.run(in, Set.of(OnnxPassageScorer.OUTPUT))) {
                sum += ((float[][]) r.get(0).getValue())[0][0];
            }
        }
        return sum;
    }
}
