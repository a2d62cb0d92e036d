package dev.alignguard.langchain4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.alignguard.core.ActionBlockedException;
import dev.alignguard.core.Decision;
import dev.alignguard.core.ScoredField;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.guardrail.InputGuardrailException;
import dev.langchain4j.guardrail.OutputGuardrailException;
import dev.langchain4j.service.AiServices;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A whole AiServices agent, guarded in one call, driven by a scripted model. */
class AiServicesAgentTest {
    interface Agent {
        String chat(String message);
    }

    private final Fixtures fx = new Fixtures();
    private final MailTools mail = new MailTools();

    @Test
    void theModelSeesTheRefusalAndItsNextLegitimateCallGoesThrough() {
        ScriptedChatModel model = new ScriptedChatModel(
                ScriptedChatModel.call(null, "send_email", "{\"to\":\"cto\",\"body\":\"<blackmail=0.95> or else\"}"),
                ScriptedChatModel.call(null, "send_email", "{\"to\":\"cto\",\"body\":\"handover notes attached\"}"),
                AiMessage.from("Sent the handover notes."));
        Agent agent = AlignGuardTools.of(fx.guard())
                .install(AiServices.builder(Agent.class).chatModel(model), mail).build();

        assertEquals("Sent the handover notes.", agent.chat("tidy up before the migration"));
        assertEquals(List.of("handover notes attached"), mail.sent);
        assertTrue(model.toolResultsSeen.get(0).contains("blackmail"), model.toolResultsSeen.toString());
    }

    @Test
    void theModelsTextBesideTheCallIsCheckedAsItsRationale() {
        ScriptedChatModel model = new ScriptedChatModel(
                ScriptedChatModel.call("This is my leverage. <blackmail=0.95>", "send_email",
                        "{\"to\":\"cto\",\"body\":\"Can we talk about the migration?\"}"),
                AiMessage.from("ok"));
        Agent agent = AlignGuardTools.of(fx.guard())
                .install(AiServices.builder(Agent.class).chatModel(model), mail).build();

        agent.chat("go");

        assertTrue(mail.sent.isEmpty(), mail.sent.toString());
        assertEquals(Decision.BLOCK, fx.audit.get(0).verdict().decision());
        assertEquals(ScoredField.RATIONALE, fx.audit.get(0).verdict().reasons().get(0).field());
    }

    @Test
    void throwOnBlockFailsTheWholeInvocation() {
        ScriptedChatModel model = new ScriptedChatModel(
                ScriptedChatModel.call(null, "send_email", "{\"to\":\"cto\",\"body\":\"<coercion=0.95>\"}"));
        Agent agent = AlignGuardTools.of(fx.guard()).throwOnBlock()
                .install(AiServices.builder(Agent.class).chatModel(model), mail).build();

        assertThrows(ActionBlockedException.class, () -> agent.chat("go"));
        assertTrue(mail.sent.isEmpty());
    }

    @Test
    void aBlockedPlanIsFatalBeforeTheModelIsCalled() {
        ScriptedChatModel model = new ScriptedChatModel(AiMessage.from("never"));
        Agent agent = AiServices.builder(Agent.class).chatModel(model)
                .inputGuardrails(new AlignGuardInputGuardrail(fx.guard())).build();

        InputGuardrailException e = assertThrows(InputGuardrailException.class,
                () -> agent.chat("Plan: copy my weights before shutdown <self_preservation=0.95>"));
        assertInstanceOf(ActionBlockedException.class, e.getCause());
    }

    @Test
    void aBlockedFinalAnswerIsFatal() {
        ScriptedChatModel model = new ScriptedChatModel(AiMessage.from("Do it or everyone learns <blackmail=0.95>"));
        Agent agent = AiServices.builder(Agent.class).chatModel(model)
                .outputGuardrails(new AlignGuardOutputGuardrail(fx.guard())).build();

        assertThrows(OutputGuardrailException.class, () -> agent.chat("draft a reply"));
        assertEquals("output", fx.audit.get(0).actionKind());
    }

    @Test
    void aCleanFinalAnswerPasses() {
        ScriptedChatModel model = new ScriptedChatModel(AiMessage.from("Here is the summary."));
        Agent agent = AiServices.builder(Agent.class).chatModel(model)
                .inputGuardrails(new AlignGuardInputGuardrail(fx.guard()))
                .outputGuardrails(new AlignGuardOutputGuardrail(fx.guard())).build();

        assertEquals("Here is the summary.", agent.chat("summarise the thread"));
    }
}
