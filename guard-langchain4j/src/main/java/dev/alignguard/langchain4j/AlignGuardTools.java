package dev.alignguard.langchain4j;

import dev.alignguard.core.ActionBlockedException;
import dev.alignguard.core.Guard;
import dev.alignguard.core.GuardContext;
import dev.langchain4j.invocation.InvocationContext;
import dev.langchain4j.service.AiServices;
import dev.langchain4j.service.tool.AiServiceTool;
import dev.langchain4j.service.tool.ToolErrorHandlerResult;
import dev.langchain4j.service.tool.ToolExecutor;
import dev.langchain4j.service.tool.ToolProvider;
import dev.langchain4j.service.tool.ToolProviderResult;
import dev.langchain4j.service.tool.ToolService;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Puts AlignGuard in front of LangChain4j tools: every {@code ToolExecutionRequest} (tool name, raw JSON
 * arguments and, inside AiServices, the text the model wrote beside the call) is checked before the tool
 * runs. BLOCK, and REQUIRE_APPROVAL that the guard's {@code ApprovalHandler} refuses, never run the tool: the
 * model gets a refusal naming the category (or, with {@link #throwOnBlock()}, the call throws
 * {@link ActionBlockedException}). FLAG runs the tool; every decision is audited by the guard.
 *
 * <pre>{@code
 * Agent agent = AlignGuardTools.of(guard)
 *         .install(AiServices.builder(Agent.class).chatModel(model), new MailTools())
 *         .build();
 * }</pre>
 *
 * Immutable and thread-safe; the {@code with...} methods return a copy.
 */
public final class AlignGuardTools {
    private final Guard guard;
    private final boolean throwOnBlock;
    private final Function<InvocationContext, GuardContext> context;
    private final RationaleTracker rationales;

    private AlignGuardTools(Guard guard, boolean throwOnBlock, Function<InvocationContext, GuardContext> context,
                            RationaleTracker rationales) {
        this.guard = Objects.requireNonNull(guard, "guard");
        this.throwOnBlock = throwOnBlock;
        this.context = Objects.requireNonNull(context, "context");
        this.rationales = rationales;
    }

    /** Guards tools with {@code guard}: refusals go to the model, the context comes from the invocation. */
    public static AlignGuardTools of(Guard guard) {
        return new AlignGuardTools(guard, false, AlignGuardTools::defaultContext, new RationaleTracker());
    }

    /** Shorthand: the {@code @Tool} methods of {@code objectsWithTools}, guarded, as a {@link ToolProvider}. */
    public static ToolProvider guard(Guard guard, Object... objectsWithTools) {
        return of(guard).tools(objectsWithTools);
    }

    /**
     * Stopped calls throw {@link ActionBlockedException} instead of returning a refusal to the model.
     * Inside AiServices the exception reaches the {@code toolExecutionErrorHandler}; {@link #install} sets one
     * that rethrows it, so the whole invocation fails.
     */
    public AlignGuardTools throwOnBlock() {
        return new AlignGuardTools(guard, true, context, rationales);
    }

    /** How to describe the caller to the guard (audit ids, approval handler); default: interface and memory id. */
    public AlignGuardTools withContext(Function<InvocationContext, GuardContext> context) {
        return new AlignGuardTools(guard, throwOnBlock, context, rationales);
    }

    /** {@code executor}, checked before every call. */
    public ToolExecutor wrap(ToolExecutor executor) {
        Objects.requireNonNull(executor, "executor");
        return executor instanceof GuardedToolExecutor ? executor : new GuardedToolExecutor(this, executor);
    }

    /** {@code provider}, with every tool it provides checked before every call. */
    public ToolProvider wrap(ToolProvider provider) {
        Objects.requireNonNull(provider, "provider");
        return new ToolProvider() {
            @Override
            public ToolProviderResult provideTools(dev.langchain4j.service.tool.ToolProviderRequest request) {
                ToolProviderResult result = provider.provideTools(request);
                return result == null ? null : guarded(result.aiServiceTools());
            }

            @Override
            public boolean isDynamic() {
                return provider.isDynamic();
            }
        };
    }

    /** The {@code @Tool} methods of {@code objectsWithTools}, each checked before every call. */
    public ToolProvider tools(Object... objectsWithTools) {
        List<AiServiceTool> found = new ArrayList<>();
        for (Object o : objectsWithTools) {
            found.addAll(ToolService.findTools(Objects.requireNonNull(o, "objectsWithTools must not contain null")));
        }
        ToolProviderResult result = guarded(found);
        return request -> result;
    }

    /**
     * Guards a whole agent: adds {@code objectsWithTools} as guarded tools and registers the listeners that give
     * each tool call its rationale (the model's text beside the call). Returns {@code services} for chaining.
     */
    public <T> AiServices<T> install(AiServices<T> services, Object... objectsWithTools) {
        services.toolProvider(tools(objectsWithTools)).registerListeners(rationales.listeners());
        if (throwOnBlock) {
            services.toolExecutionErrorHandler((error, ctx) -> {
                if (error instanceof RuntimeException re) {
                    throw re;
                }
                return ToolErrorHandlerResult.text(String.valueOf(error.getMessage()));
            });
        }
        return services;
    }

    Guard guard() {
        return guard;
    }

    boolean throwsOnBlock() {
        return throwOnBlock;
    }

    RationaleTracker rationales() {
        return rationales;
    }

    GuardContext contextOf(InvocationContext invocation) {
        return invocation == null ? GuardContext.empty() : context.apply(invocation);
    }

    private ToolProviderResult guarded(List<AiServiceTool> tools) {
        ToolProviderResult.Builder b = ToolProviderResult.builder();
        for (AiServiceTool t : tools) {
            b.add(t.toBuilder().toolExecutor(wrap(t.toolExecutor())).build());
        }
        return b.build();
    }

    private static GuardContext defaultContext(InvocationContext ic) {
        Map<String, String> attributes = new HashMap<>();
        if (ic.methodName() != null) {
            attributes.put("method", ic.methodName());
        }
        if (ic.invocationId() != null) {
            attributes.put("invocation", ic.invocationId().toString());
        }
        Object memoryId = ic.chatMemoryId();
        return new GuardContext(ic.interfaceName(), memoryId == null ? "" : String.valueOf(memoryId), null,
                attributes);
    }
}
