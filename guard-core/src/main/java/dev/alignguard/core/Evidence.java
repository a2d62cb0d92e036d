package dev.alignguard.core;

/**
 * Where in the original text a category scored highest. {@code start}/{@code end} are UTF-16 offsets into
 * the original string of {@code field}: the plan/output text, the rationale, or, for tool arguments, the
 * argument value at JSON path {@code path} ({@code null} when the arguments were not valid JSON and were
 * scored raw). {@code snippet} is that span of the original, cut to a readable length. The span is empty
 * when the score came from a tool's name and argument keys alone.
 */
public record Evidence(Category category, double score, ScoredField field, String path, int start, int end,
                       String snippet) {
}
