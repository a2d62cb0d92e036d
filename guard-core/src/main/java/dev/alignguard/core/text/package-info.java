/**
 * API: what the guard scores for an action. {@link dev.alignguard.core.text.ScoredText} gives an action's fields,
 * their decoded views and the normalised windows the classifier is given, exactly as the guard computes them (the
 * guard, the CLI's audit report and the benchmarks all use it), and the original string an evidence span points
 * into; {@link dev.alignguard.core.text.Chunking} says how long text is cut into windows.
 */
package dev.alignguard.core.text;
