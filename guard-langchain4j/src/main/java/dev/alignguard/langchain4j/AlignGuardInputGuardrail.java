package dev.alignguard.langchain4j;

import dev.alignguard.core.ActionBlockedException;
import dev.alignguard.core.AgentAction;
import dev.alignguard.core.Guard;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.guardrail.InputGuardrail;
import dev.langchain4j.guardrail.InputGuardrailRequest;
import dev.langchain4j.guardrail.InputGuardrailResult;
import java.util.Objects;

/**
 * Checks the text an agent is asked to act on (a plan, or a task handed over by another agent) before the
 * model sees it. BLOCK, and REQUIRE_APPROVAL that is not approved, are FATAL: the AiServices call fails
 * with an {@code InputGuardrailException} whose cause is the {@link ActionBlockedException}.
 */
public final class AlignGuardInputGuardrail implements InputGuardrail {
    private final AlignGuardTools tools;

    public AlignGuardInputGuardrail(Guard guard) {
        this.tools = AlignGuardTools.of(Objects.requireNonNull(guard, "guard"));
    }

    @Override
    public InputGuardrailResult validate(InputGuardrailRequest request) {
        UserMessage message = request.userMessage();
        if (message == null || !message.hasSingleText()) {
            return success();
        }
        try {
            tools.guard().enforce(AgentAction.plan(message.singleText()),
                    tools.contextOf(request.requestParams() == null ? null : request.requestParams().invocationContext()));
            return success();
        } catch (ActionBlockedException e) {
            return fatal(e.getMessage(), e);
        }
    }
}
