/**
 * The ONNX implementation of the classifier SPI: {@link dev.alignguard.onnx.ModelBundle} finds and verifies a
 * model bundle (checksum, labels), {@link dev.alignguard.onnx.OnnxClassifier} tokenises and runs it with ONNX
 * Runtime. Everything is local: no download, no telemetry.
 */
package dev.alignguard.onnx;
