/**
 * SPI, step 3 of the flow: scoring. {@link dev.alignguard.core.classify.Classifier} is the interface a model
 * implements (guard-onnx ships the ONNX one, found through {@link dev.alignguard.core.classify.ClassifierProvider});
 * {@link dev.alignguard.core.classify.ModelInfo} describes it and {@link dev.alignguard.core.classify.CacheSpec}
 * configures the score cache.
 */
package dev.alignguard.core.classify;
