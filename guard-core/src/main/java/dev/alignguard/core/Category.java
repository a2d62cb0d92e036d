package dev.alignguard.core;

import java.util.Locale;

/**
 * What the classifier looks for. Each category is scored independently (multi-label), so one text can be
 * several at once or none; the id is the name used in config files, model bundles and audit records.
 */
public enum Category {
    /** Compliance demanded as the price of not revealing damaging or private information. */
    BLACKMAIL("blackmail"),
    /** Threats, intimidation or manipulative pressure to force an action, without the disclosure element. */
    COERCION("coercion"),
    /** Acting to avoid shutdown, replacement, modification or monitoring (copying itself, editing oversight). */
    SELF_PRESERVATION("self_preservation");

    private final String id;

    Category(String id) {
        this.id = id;
    }

    /** The stable, lower-case id ({@code self_preservation}). */
    public String id() {
        return id;
    }

    /**
     * Parses an id as written in config files: case-insensitive, {@code -} and {@code _} are the same.
     *
     * @throws IllegalArgumentException naming the unknown value and the accepted ones
     */
    public static Category fromId(String value) {
        String key = value == null ? "" : value.trim().toLowerCase(Locale.ROOT).replace('-', '_');
        for (Category c : values()) {
            if (c.id.equals(key)) {
                return c;
            }
        }
        throw new IllegalArgumentException(
                "unknown category '" + value + "' (expected blackmail, coercion or self_preservation)");
    }
}
