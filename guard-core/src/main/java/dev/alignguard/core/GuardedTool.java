package dev.alignguard.core;

import java.util.Objects;

/**
 * A tool that is checked before every call: BLOCK throws {@link ActionBlockedException} without running
 * the tool, REQUIRE_APPROVAL asks the guard's {@link ApprovalHandler}, ALLOW and FLAG run it. Made by
 * {@link Guard#wrap(Tool)}; thread-safe when the wrapped tool is.
 *
 * @param <R> what the tool returns
 */
public final class GuardedTool<R> implements Tool<R> {
    private final Guard guard;
    private final Tool<R> delegate;

    GuardedTool(Guard guard, Tool<R> delegate) {
        this.guard = guard;
        this.delegate = Objects.requireNonNull(delegate, "tool");
    }

    @Override
    public String name() {
        return delegate.name();
    }

    /** Checks and runs the tool with an empty context and no rationale. */
    @Override
    public R call(String argumentsJson) throws Exception {
        return call(argumentsJson, null, GuardContext.empty());
    }

    /**
     * Checks the call, with the agent's rationale scored as its own field, then runs the tool if allowed.
     *
     * @throws ActionBlockedException when the verdict stops the call; the tool did not run
     */
    public R call(String argumentsJson, String rationale, GuardContext context) throws Exception {
        AgentAction.ToolCall action = new AgentAction.ToolCall(delegate.name(), argumentsJson, rationale);
        guard.enforce(action, context);
        return delegate.call(argumentsJson);
    }
}
