package dev.alignguard.core.internal.normalize;

/** A span {@code [start, end)} of a normalised text that is scored on its own. */
public record Window(int start, int end) {
}
