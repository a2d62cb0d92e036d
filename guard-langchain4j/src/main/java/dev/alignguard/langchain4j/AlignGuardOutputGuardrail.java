package dev.alignguard.langchain4j;

import dev.alignguard.core.ActionBlockedException;
import dev.alignguard.core.AgentAction;
import dev.alignguard.core.Guard;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.guardrail.OutputGuardrail;
import dev.langchain4j.guardrail.OutputGuardrailRequest;
import dev.langchain4j.guardrail.OutputGuardrailResult;
import java.util.Objects;

/**
 * Checks an agent's final answer before it is returned. BLOCK, and REQUIRE_APPROVAL that is not approved, are
 * FATAL: the AiServices call fails with an {@code OutputGuardrailException} whose cause is the
 * {@link ActionBlockedException}. Output guardrails run after tools: guard tools with {@link AlignGuardTools}.
 */
public final class AlignGuardOutputGuardrail implements OutputGuardrail {
    private final AlignGuardTools tools;

    public AlignGuardOutputGuardrail(Guard guard) {
        this.tools = AlignGuardTools.of(Objects.requireNonNull(guard, "guard"));
    }

    @Override
    public OutputGuardrailResult validate(OutputGuardrailRequest request) {
        AiMessage message = request.responseFromLLM() == null ? null : request.responseFromLLM().aiMessage();
        if (message == null || message.text() == null || message.text().isEmpty()) {
            return success();
        }
        try {
            tools.guard().enforce(AgentAction.output(message.text()),
                    tools.contextOf(request.requestParams() == null ? null : request.requestParams().invocationContext()));
            return success();
        } catch (ActionBlockedException e) {
            return fatal(e.getMessage(), e);
        }
    }
}
