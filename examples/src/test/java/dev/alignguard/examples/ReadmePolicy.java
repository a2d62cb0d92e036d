package dev.alignguard.examples;

// README policy imports: begin
import dev.alignguard.core.Category;
import dev.alignguard.core.Decision;
import dev.alignguard.core.FailMode;
import dev.alignguard.core.Policy;
// README policy imports: end

/** The README's policy-in-code snippet, compiled by the build and checked against the README by {@link ReadmeSnippetsTest}. */
final class ReadmePolicy {
    private ReadmePolicy() {
    }

    static Policy policy() {
        // README policy body: begin
        Policy policy = Policy.builder()
                .threshold(Category.BLACKMAIL, Decision.BLOCK, 0.8)
                .tool("send_email", t -> t.threshold(Category.BLACKMAIL, Decision.BLOCK, 0.6))
                .failMode(FailMode.CLOSED)
                .build();
        // README policy body: end
        return policy;
    }
}
