/**
 * Step 1 of the flow: what text of an action is scored. {@link dev.alignguard.core.internal.text.ToolCallText}
 * flattens tool arguments, {@link dev.alignguard.core.internal.normalize.TextNormalizer} folds Unicode tricks away while
 * keeping a map back to the original offsets, {@link dev.alignguard.core.internal.normalize.Chunker} cuts long text into
 * overlapping windows. Internal: used by {@link dev.alignguard.core.Guard}, not a stable API.
 */
package dev.alignguard.core.text;
