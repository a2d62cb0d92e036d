/**
 * Internal, step 2 of the flow: {@link dev.alignguard.core.internal.normalize.TextNormalizer} folds Unicode tricks
 * away while keeping a map back to the original offsets ({@link
 * dev.alignguard.core.internal.normalize.NormalizedText}); {@link dev.alignguard.core.internal.normalize.Chunker}
 * cuts long text into windows. Not API: use {@link dev.alignguard.core.text.ScoredText}.
 */
package dev.alignguard.core.internal.normalize;
