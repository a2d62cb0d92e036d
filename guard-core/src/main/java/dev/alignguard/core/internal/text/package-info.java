/**
 * Internal, step 1 of the flow: which text of an action is scored. {@link
 * dev.alignguard.core.internal.text.ToolCallText} flattens tool arguments into {@code path: value} lines that map
 * back to each argument value ({@link dev.alignguard.core.internal.text.FieldText}); {@link
 * dev.alignguard.core.internal.text.DecodedViews} folds look-alike characters and decodes base64, percent and HTML
 * runs. Not API: use {@link dev.alignguard.core.text.ScoredText}.
 */
package dev.alignguard.core.internal.text;
