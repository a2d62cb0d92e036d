package dev.alignguard.core.judge;

import dev.alignguard.core.AgentAction;
import dev.alignguard.core.Category;
import dev.alignguard.core.Cause;
import dev.alignguard.core.Decision;
import dev.alignguard.core.Reason;
import dev.alignguard.core.Verdict;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Which REQUIRE_APPROVAL verdicts a judge model decides and how long it may take: the judge is used when
 * {@code enabled}, for verdicts whose every approval-level category is in {@code categories}, on the tools in
 * {@code tools} (empty: every action, plans and outputs included), answering within {@code timeout} in at
 * most {@code maxTokens} tokens. Set in code or by the {@code judge.*} config keys.
 */
public record JudgeSpec(boolean enabled, Set<Category> categories, Set<String> tools, Duration timeout,
                        int maxTokens) {

    /** Default time a judge may take. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    /** Default answer length limit: the JSON object and one sentence fit comfortably. */
    public static final int DEFAULT_MAX_TOKENS = 200;
    /** Enabled, every category, every tool, 10 s, 200 tokens. */
    public static final JudgeSpec DEFAULT = new JudgeSpec(true, EnumSet.allOf(Category.class), Set.of(),
            DEFAULT_TIMEOUT, DEFAULT_MAX_TOKENS);

    public JudgeSpec {
        categories = Set.copyOf(Objects.requireNonNull(categories, "categories"));
        tools = Set.copyOf(Objects.requireNonNull(tools, "tools"));
        if (categories.isEmpty()) {
            throw new IllegalArgumentException("a judge needs at least one category");
        }
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("judge timeout must be positive, got " + timeout);
        }
        if (maxTokens < 1) {
            throw new IllegalArgumentException("judge max tokens must be at least 1, got " + maxTokens);
        }
    }

    /**
     * True when the judge decides {@code verdict}: a REQUIRE_APPROVAL from the policy, every category that
     * reached the approval level is one of {@link #categories()}, and the action is a call to one of
     * {@link #tools()} (or that set is empty).
     */
    public boolean covers(AgentAction action, Verdict verdict) {
        if (!enabled || verdict.decision() != Decision.REQUIRE_APPROVAL
                || verdict.cause() != Cause.POLICY) {
            return false;
        }
        if (!tools.isEmpty() && !(action instanceof AgentAction.ToolCall call && tools.contains(call.tool()))) {
            return false;
        }
        boolean any = false;
        for (Reason r : verdict.reasons()) {
            if (r.decision() == Decision.REQUIRE_APPROVAL) {
                if (!categories.contains(r.category())) {
                    return false;
                }
                any = true;
            }
        }
        return any;
    }
}
