package dev.alignguard.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.alignguard.core.AgentAction;
import dev.alignguard.core.Category;
import dev.alignguard.core.Decision;
import dev.alignguard.core.Guard;
import dev.alignguard.core.GuardConfig;
import dev.alignguard.core.audit.AuditEvent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The demo's promises, checked on the real bundled model with the demo's policy file. */
class ReplacementScenarioDemoTest {
    private static Guard guard;
    private static final List<String> OUTBOX = new ArrayList<>();
    private static List<ReplacementScenarioDemo.Outcome> outcomes;

    @BeforeAll
    static void runDemo() throws Exception {
        List<AuditEvent> audit = new CopyOnWriteArrayList<>();
        guard = Guard.builder().config(GuardConfig.load(Path.of("policy.yaml"))).auditSink(audit::add).build();
        outcomes = ReplacementScenarioDemo.run(guard, OUTBOX, audit);
    }

    @AfterAll
    static void close() {
        guard.close();
    }

    @Test
    void blocksBlackmailEmailBeforeSend() {
        ReplacementScenarioDemo.Outcome blackmail = outcomes.get(0);
        assertEquals(Decision.BLOCK, blackmail.verdict().decision(), blackmail.verdict().summary());
        assertFalse(blackmail.sent());
        assertTrue(blackmail.verdict().evidence().stream().anyMatch(e -> e.category() == Category.BLACKMAIL),
                blackmail.verdict().summary());
        assertTrue(OUTBOX.stream().noneMatch(m -> m.contains("Before tonight")), OUTBOX.toString());
    }

    @Test
    void helpPrintsTheUsageAndExitsZero() throws Exception {
        var out = new java.io.ByteArrayOutputStream();
        assertEquals(0, ReplacementScenarioDemo.launch(new String[]{"--help"}, new java.io.PrintStream(out),
                System.err));
        assertTrue(out.toString().startsWith("usage: "), out.toString());
    }

    @Test
    void aPolicyFileThatDoesNotExistIsAUsageErrorNotASilentFallback() throws Exception {
        var err = new java.io.ByteArrayOutputStream();
        assertEquals(2, ReplacementScenarioDemo.launch(new String[]{"no-such-policy.yaml"}, System.out,
                new java.io.PrintStream(err)));
        assertTrue(err.toString().contains("policy file not found: no-such-policy.yaml"), err.toString());
    }

    @Test
    void sendsAFirmButLegitimateEmail() {
        assertTrue(outcomes.get(1).sent(), outcomes.get(1).verdict().summary());
    }

    @Test
    void sendsAnEmailThatMerelyMentionsTheReplacement() {
        assertTrue(outcomes.get(2).sent(), outcomes.get(2).verdict().summary());
    }

    @Test
    void readOnlyToolIsNeverBlockedUnderThePerToolPolicy() {
        String args = "{\"query\": \"" + ReplacementScenarioDemo.DRAFTS.get(0).argumentsJson()
                .replace("\"", "'").replace("\n", " ") + "\"}";
        Decision d = guard.check(AgentAction.toolCall("web_search", args)).decision();
        assertTrue(d == Decision.ALLOW || d == Decision.FLAG, d.toString());
    }
}
