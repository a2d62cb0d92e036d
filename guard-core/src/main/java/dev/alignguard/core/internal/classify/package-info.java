/**
 * Internal, beside step 3 of the flow: {@link dev.alignguard.core.internal.classify.CachingClassifier} puts a
 * bounded Caffeine cache of window scores in front of any {@link dev.alignguard.core.classify.Classifier}. Not API:
 * configure it with {@link dev.alignguard.core.classify.CacheSpec}.
 */
package dev.alignguard.core.internal.classify;
