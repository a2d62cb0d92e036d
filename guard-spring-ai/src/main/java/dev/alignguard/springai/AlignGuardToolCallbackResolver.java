package dev.alignguard.springai;

import dev.alignguard.core.ActionBlockedException;
import dev.alignguard.core.Guard;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.ai.tool.ToolCallback;
import org.springframework.ai.tool.resolution.ToolCallbackResolver;

/**
 * A {@link ToolCallbackResolver} whose tools are guarded: every callback the delegate resolves by name comes back
 * as a {@link GuardedToolCallback}. Give it to the {@code ToolCallingManager} (or anything else that looks tools
 * up by name) so that a tool the model calls without it being attached to the request is checked too; with
 * Spring Boot the auto-configuration wraps your {@code ToolCallbackResolver} bean with it.
 */
public final class AlignGuardToolCallbackResolver implements ToolCallbackResolver {
    private final Guard guard;
    private final ToolCallbackResolver delegate;
    private final boolean throwOnBlock;

    /** Guards what {@code delegate} resolves; stopped calls return a refusal to the model. */
    public AlignGuardToolCallbackResolver(Guard guard, ToolCallbackResolver delegate) {
        this(guard, delegate, false);
    }

    /** Guards what {@code delegate} resolves; with {@code throwOnBlock}, stopped calls throw {@link ActionBlockedException}. */
    public AlignGuardToolCallbackResolver(Guard guard, ToolCallbackResolver delegate, boolean throwOnBlock) {
        this.guard = Objects.requireNonNull(guard, "guard");
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.throwOnBlock = throwOnBlock;
    }

    /** The delegate's callback for {@code toolName}, guarded; {@code null} when the delegate knows no such tool. */
    @Override
    public @Nullable ToolCallback resolve(String toolName) {
        ToolCallback callback = delegate.resolve(toolName);
        return callback == null ? null : new GuardedToolCallback(guard, callback, throwOnBlock);
    }
}
