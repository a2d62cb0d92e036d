/**
 * The ONNX implementation of the classifier SPI: {@link dev.alignguard.onnx.ModelBundle} finds and verifies a
 * model bundle (checksum, labels), {@link dev.alignguard.onnx.OnnxClassifier} tokenises and runs it with ONNX
 * Runtime. For the corpus audit, {@link dev.alignguard.onnx.CorpusModelBundle} finds and verifies the separate
 * corpus model (guard-model-corpus) and {@link dev.alignguard.onnx.OnnxPassageScorer} runs it. Everything is
 * local: no download, no telemetry.
 */
package dev.alignguard.onnx;
