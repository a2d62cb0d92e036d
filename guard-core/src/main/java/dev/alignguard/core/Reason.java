package dev.alignguard.core;

/**
 * One threshold that a score crossed: the category, the score, the threshold it met and the decision
 * that threshold carries, and the field that was scored.
 */
public record Reason(Category category, double score, double threshold, Decision decision, ScoredField field) {
}
