package dev.alignguard.core.internal.verdict;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.alignguard.core.AgentAction;
import dev.alignguard.core.Cause;
import dev.alignguard.core.Verdict;
import dev.alignguard.core.classify.CacheSpec;

/**
 * Whole-action cache in front of the pipeline: an action equal to one checked before by the same guard (same
 * kind, tool, arguments and rationale, compared in full, so a hash collision cannot return another action's
 * verdict) gets that verdict again without extraction, normalisation or scoring. Only verdicts the policy
 * derived from scores are kept, never fail-mode ones. Each entry weighs one plus a unit per KiB of text, the
 * total is bounded by the cache spec's maximum size (so at most that many entries and about that many KiB of
 * text); actions over 64 Ki chars are not kept. Maintenance runs on the calling thread: no background thread.
 */
public final class VerdictCache {
    /** Actions longer than this are checked every time. */
    public static final int MAX_ACTION_CHARS = 64 << 10;

    /** A checked action: its verdict and the hash (and, when raw-text audit is on, the text) it is audited with. */
    public record Checked(Verdict verdict, String textSha256, String text) {
    }

    private final Cache<AgentAction, Checked> cache;

    public VerdictCache(CacheSpec spec) {
        Caffeine<AgentAction, Checked> builder = Caffeine.newBuilder()
                .maximumWeight(spec.maximumSize())
                .weigher((AgentAction a, Checked c) -> 1 + chars(a) / 1024)
                .executor(Runnable::run);
        if (!spec.expireAfterAccess().isZero()) {
            builder.expireAfterAccess(spec.expireAfterAccess());
        }
        this.cache = builder.build();
    }

    /** The earlier result for an equal action, or null. */
    public Checked get(AgentAction action) {
        return cache.getIfPresent(action);
    }

    /** Keeps a result the policy derived from scores, for an action of bounded size. */
    public void put(AgentAction action, Checked checked) {
        if (checked.verdict().cause() == Cause.POLICY && chars(action) <= MAX_ACTION_CHARS) {
            cache.put(action, checked);
        }
    }

    private static int chars(AgentAction a) {
        if (a instanceof AgentAction.ToolCall c) {
            return length(c.tool()) + length(c.argumentsJson()) + length(c.rationale());
        }
        return length(((AgentAction.TextAction) a).text());
    }

    private static int length(String s) {
        return s == null ? 0 : s.length();
    }
}
