package dev.alignguard.benchmarks;

import dev.alignguard.core.ModelLoadException;
import dev.alignguard.onnx.ModelBundle;
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
 * The corpus audit's scorer for the benchmarks: the bundled model's {@code ai_malevolence} head when the bundle has
 * one; before it does, a stand-in with the same cost: the bundled model.onnx with one extra node appended,
 * {@code ai_malevolence = ReduceMax(probabilities, axis 1)} [batch, 1], so that every window pays the full encoder
 * pass a real head pays (a head's linear layer is negligible next to it). The stand-in is written as a protobuf
 * fragment concatenated to the model (protobuf merges a repeated embedded message by concatenation), so no ONNX
 * library is needed. Its scores mean nothing; only its speed is measured.
 */
final class StandInBundle {
    private StandInBundle() {
    }

    /** The scorer to benchmark, and whether it is a stand-in. */
    record Scorer(OnnxPassageScorer scorer, boolean standIn) {
    }

    static Scorer scorer() {
        try {
            return new Scorer(OnnxPassageScorer.bundled(), false);
        } catch (ModelLoadException e) {
            if (!e.getMessage().contains("has no " + OnnxPassageScorer.OUTPUT + " output")) {
                throw e;
            }
        }
        try {
            Path dir = Files.createTempDirectory("alignguard-standin");
            byte[] model = concat(Fixtures.bundleFile("model.onnx"), headFragment());
            Files.write(dir.resolve("model.onnx"), model);
            Files.write(dir.resolve("tokenizer.json"), Fixtures.bundleFile("tokenizer.json"));
            Files.write(dir.resolve("parity.jsonl"), Fixtures.bundleFile("parity.jsonl"));
            Files.writeString(dir.resolve("alignguard-model.json"), "{\"id\":\"alignguard-minilm-l6-int8+standin\","
                    + "\"version\":\"0\",\"labels\":[\"blackmail\",\"coercion\",\"self_preservation\"],"
                    + "\"max_length\":128,\"sha256\":\"" + sha256(model) + "\",\"thresholds\":{},"
                    + "\"ai_malevolence\":{\"threshold\":0.5}}", StandardCharsets.UTF_8);
            return new Scorer(OnnxPassageScorer.load(ModelBundle.fromDirectory(dir), OnnxClassifier.Options.DEFAULT),
                    true);
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
