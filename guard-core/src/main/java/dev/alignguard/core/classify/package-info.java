/**
 * Step 2 of the flow: scoring. {@link dev.alignguard.core.classify.Classifier} is the SPI a model
 * implements (guard-onnx ships the ONNX one); {@link dev.alignguard.core.internal.classify.CachingClassifier}
 * puts a bounded Caffeine cache in front of any classifier.
 */
package dev.alignguard.core.classify;
