package dev.alignguard.benchmarks;

import dev.alignguard.onnx.CorpusModelBundle;
import dev.alignguard.onnx.OnnxClassifier;
import dev.alignguard.onnx.OnnxPassageScorer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The corpus audit's scorer for the benchmarks: guard-model-corpus's model when that artifact holds one; before it
 * does, a stand-in with the same cost (the corpus model is a MiniLM-L6 of the guard model's shape): the bundled
 * guard model.onnx with one extra node appended, {@code ai_malevolence = ReduceMax(probabilities, axis 1)}
 * [batch, 1], in a corpus model bundle, so that every window pays the full encoder pass the real model pays. The
 * stand-in is written as a protobuf fragment concatenated to the model (protobuf merges a repeated embedded
 * message by concatenation), so no ONNX library is needed. Its scores mean nothing; only its speed is measured.
 */
final class StandInBundle {
    private StandInBundle() {
    }

    /** The scorer to benchmark, and whether it is a stand-in. */
    record Scorer(OnnxPassageScorer scorer, boolean standIn) {
    }

    static Scorer scorer() {
        if (StandInBundle.class.getClassLoader().getResource(CorpusModelBundle.CLASSPATH_LOCATION + "model.onnx")
                != null) {
            return new Scorer(OnnxPassageScorer.bundled(), false);
        }
        try {
            Path dir = Files.createTempDirectory("alignguard-standin");
            byte[] model = concat(Fixtures.bundleFile("model.onnx"), headFragment());
            byte[] tokenizer = Fixtures.bundleFile("tokenizer.json");
            Files.write(dir.resolve("model.onnx"), model);
            Files.write(dir.resolve("tokenizer.json"), tokenizer);
            Files.writeString(dir.resolve(CorpusModelBundle.MANIFEST), "{\"id\":\"alignguard-minilm-l6-int8+standin\","
                    + "\"version\":\"0\",\"output\":\"ai_malevolence\",\"max_length\":128,\"threshold\":0.5,"
                    + "\"model\":{\"sha256\":\"" + sha256(model) + "\",\"size_bytes\":" + model.length + "},"
                    + "\"tokenizer\":{\"sha256\":\"" + sha256(tokenizer) + "\",\"size_bytes\":" + tokenizer.length
                    + "}}", StandardCharsets.UTF_8);
            return new Scorer(OnnxPassageScorer.load(CorpusModelBundle.fromDirectory(dir),
                    OnnxClassifier.Options.DEFAULT), true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code ModelProto { graph { node { ReduceMax } output { ai_malevolence float [batch, 1] } } }}. */
    static byte[] headFragment() {
        byte[] axes = concat(string(1, "axes"), varintField(8, 1), varintField(20, 7));
        byte[] keepdims = concat(string(1, "keepdims"), varintField(3, 1), varintField(20, 2));
        byte[] node = concat(string(1, "probabilities"), string(2, OnnxPassageScorer.OUTPUT),
                string(3, "standin_ai_malevolence"), string(4, "ReduceMax"), message(5, axes), message(5, keepdims));
        byte[] shape = concat(message(1, string(2, "batch")), message(1, varintField(1, 1)));
        byte[] tensorType = concat(varintField(1, 1), message(2, shape));
        byte[] valueInfo = concat(string(1, OnnxPassageScorer.OUTPUT), message(2, message(1, tensorType)));
        return message(7, concat(message(1, node), message(12, valueInfo)));
    }

    private static byte[] string(int field, String value) {
        return message(field, value.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] message(int field, byte[] body) {
        return concat(varint(field << 3 | 2), varint(body.length), body);
    }

    private static byte[] varintField(int field, long value) {
        return concat(varint(field << 3), varint(value));
    }

    private static byte[] varint(long value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(10);
        long v = value;
        while ((v & ~0x7FL) != 0) {
            out.write((int) (v & 0x7F) | 0x80);
            v >>>= 7;
        }
        out.write((int) v);
        return out.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
