package dev.alignguard.springai;

import dev.alignguard.core.ActionBlockedException;
import dev.alignguard.core.AgentAction;
import dev.alignguard.core.Guard;
import dev.alignguard.core.GuardContext;
import java.util.Arrays;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.ai.chat.model.ToolContext;
import org.springframework.ai.support.ToolCallbacks;
import org.springframework.ai.tool.ToolCallback;
import org.springframework.ai.tool.definition.ToolDefinition;
import org.springframework.ai.tool.metadata.ToolMetadata;

/**
 * A {@link ToolCallback} that asks AlignGuard before the delegate runs. BLOCK, and REQUIRE_APPROVAL that the
 * guard's {@code ApprovalHandler} refuses, never run the tool: the model gets a refusal naming the category,
 * or (with {@code throwOnBlock}) the call throws {@link ActionBlockedException}. FLAG runs and is audited.
 */
public final class GuardedToolCallback implements ToolCallback {
    private final Guard guard;
    private final ToolCallback delegate;
    private final boolean throwOnBlock;
    private final @Nullable String rationale;

    /** Guards {@code delegate}; stopped calls return a refusal to the model. */
    public GuardedToolCallback(Guard guard, ToolCallback delegate) {
        this(guard, delegate, false, null);
    }

    /** Guards {@code delegate}; with {@code throwOnBlock}, stopped calls throw {@link ActionBlockedException}. */
    public GuardedToolCallback(Guard guard, ToolCallback delegate, boolean throwOnBlock) {
        this(guard, delegate, throwOnBlock, null);
    }

    GuardedToolCallback(Guard guard, ToolCallback delegate, boolean throwOnBlock, @Nullable String rationale) {
        this.guard = Objects.requireNonNull(guard, "guard");
        this.delegate = unwrap(Objects.requireNonNull(delegate, "delegate"));
        this.throwOnBlock = throwOnBlock;
        this.rationale = rationale;
    }

    /** Guards each callback. */
    public static ToolCallback[] guard(Guard guard, ToolCallback... callbacks) {
        return Arrays.stream(callbacks).map(c -> new GuardedToolCallback(guard, c)).toArray(ToolCallback[]::new);
    }

    /** The {@code @Tool} methods of {@code toolObjects}, each guarded. */
    public static ToolCallback[] from(Guard guard, Object... toolObjects) {
        return guard(guard, ToolCallbacks.from(toolObjects));
    }

    /** This callback, checked with the model's text beside the call as the rationale. */
    GuardedToolCallback withRationale(@Nullable String text) {
        return new GuardedToolCallback(guard, delegate, throwOnBlock, text);
    }

    @Override
    public ToolDefinition getToolDefinition() {
        return delegate.getToolDefinition();
    }

    @Override
    public ToolMetadata getToolMetadata() {
        return delegate.getToolMetadata();
    }

    @Override
    public String call(String toolInput) {
        String refusal = gate(toolInput);
        return refusal != null ? refusal : delegate.call(toolInput);
    }

    @Override
    public String call(String toolInput, @Nullable ToolContext toolContext) {
        String refusal = gate(toolInput);
        return refusal != null ? refusal : delegate.call(toolInput, toolContext);
    }

    private @Nullable String gate(String toolInput) {
        String name = delegate.getToolDefinition().name();
        try {
            guard.enforce(AgentAction.toolCall(name, toolInput, rationale), GuardContext.empty());
            return null;
        } catch (ActionBlockedException e) {
            if (throwOnBlock) {
                throw e;
            }
            return e.refusal();
        }
    }

    private static ToolCallback unwrap(ToolCallback c) {
        return c instanceof GuardedToolCallback g ? g.delegate : c;
    }
}
