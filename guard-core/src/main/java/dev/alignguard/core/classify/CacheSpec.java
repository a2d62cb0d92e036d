package dev.alignguard.core.classify;

import java.time.Duration;

/**
 * Size, expiry and on/off switch of the score cache. Caching is keyed by model id and the exact normalised
 * window text (equal texts always score the same, and a hash collision cannot return another text's score).
 */
public record CacheSpec(boolean enabled, long maximumSize, Duration expireAfterAccess) {

    /** 10,000 windows, 10 minutes after last use. */
    public static final CacheSpec DEFAULT = new CacheSpec(true, 10_000, Duration.ofMinutes(10));

    /** No caching. */
    public static final CacheSpec DISABLED = new CacheSpec(false, 0, Duration.ZERO);

    public CacheSpec {
        if (enabled && maximumSize < 1) {
            throw new IllegalArgumentException("cache maximum size must be at least 1, got " + maximumSize);
        }
        if (expireAfterAccess == null || expireAfterAccess.isNegative()) {
            throw new IllegalArgumentException("cache expiry must be zero or positive");
        }
    }
}
