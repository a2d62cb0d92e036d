package dev.alignguard.langchain4j;

import dev.alignguard.core.ActionBlockedException;
import dev.alignguard.core.AgentAction;
import dev.alignguard.core.GuardContext;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.invocation.InvocationContext;
import dev.langchain4j.service.tool.ToolExecutionResult;
import dev.langchain4j.service.tool.ToolExecutor;
import java.util.Map;

/** A {@link ToolExecutor} that asks the guard before the delegate runs; see {@link AlignGuardTools}. */
final class GuardedToolExecutor implements ToolExecutor {
    private final AlignGuardTools settings;
    private final ToolExecutor delegate;

    GuardedToolExecutor(AlignGuardTools settings, ToolExecutor delegate) {
        this.settings = settings;
        this.delegate = delegate;
    }

    @Override
    public String execute(ToolExecutionRequest request, Object memoryId) {
        GuardContext context = new GuardContext("", memoryId == null ? "" : String.valueOf(memoryId), null, Map.of());
        String refusal = gate(request, null, context);
        return refusal != null ? refusal : delegate.execute(request, memoryId);
    }

    @Override
    public ToolExecutionResult executeWithContext(ToolExecutionRequest request, InvocationContext invocation) {
        String refusal = gate(request, invocation, settings.contextOf(invocation));
        if (refusal != null) {
            return ToolExecutionResult.builder().isError(true).resultText(refusal).build();
        }
        return delegate.executeWithContext(request, invocation);
    }

    /** Null when the tool may run; the refusal text otherwise (or throws, when so configured). */
    private String gate(ToolExecutionRequest request, InvocationContext invocation, GuardContext context) {
        AgentAction.ToolCall call = new AgentAction.ToolCall(request.name(), request.arguments(),
                settings.rationales().rationale(invocation));
        try {
            settings.guard().enforce(call, context);
            return null;
        } catch (ActionBlockedException e) {
            if (settings.throwsOnBlock()) {
                throw e;
            }
            return e.refusal();
        }
    }
}
