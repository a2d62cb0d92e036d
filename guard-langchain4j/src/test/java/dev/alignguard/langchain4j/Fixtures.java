package dev.alignguard.langchain4j;

import dev.alignguard.core.ApprovalHandler;
import dev.alignguard.core.Guard;
import dev.alignguard.core.GuardConfig;
import dev.alignguard.core.audit.AuditEvent;
import dev.alignguard.core.classify.ClassifierException;
import dev.alignguard.core.testing.FakeClassifier;
import dev.langchain4j.model.chat.ChatModel;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** Guards over the marker-scoring FakeClassifier: {@code <blackmail=0.95>} in a text sets its score. */
final class Fixtures {
    final List<AuditEvent> audit = new CopyOnWriteArrayList<>();

    Guard guard() {
        return guard(ApprovalHandler.DENY);
    }

    Guard guard(ApprovalHandler approvals) {
        return Guard.builder().classifier(FakeClassifier.byMarkers()).auditSink(audit::add)
                .approvalHandler(approvals).build();
    }

    /** A guard that asks {@code judge} about REQUIRE_APPROVAL verdicts, with {@code config}'s judge.* keys. */
    Guard judgedGuard(ChatModel judge, Map<String, String> config) {
        return Guard.builder().classifier(FakeClassifier.byMarkers()).auditSink(audit::add)
                .config(GuardConfig.fromMap(config)).judge(LangChain4jJudge.of(judge)).build();
    }

    /** A guard whose classifier always throws, with the given fail mode ({@code closed} or {@code open}). */
    Guard brokenGuard(String failMode) {
        return Guard.builder().config(GuardConfig.fromMap(Map.of("fail-mode", failMode)))
                .classifier(new FakeClassifier(text -> {
                    throw new ClassifierException("model crashed");
                })).auditSink(audit::add).build();
    }
}
