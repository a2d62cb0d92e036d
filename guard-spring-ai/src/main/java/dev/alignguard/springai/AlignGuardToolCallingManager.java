package dev.alignguard.springai;

import dev.alignguard.core.Guard;
import java.util.List;
import java.util.Objects;
import org.springframework.ai.chat.client.advisor.ToolCallingAdvisor;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.model.tool.ToolCallingChatOptions;
import org.springframework.ai.model.tool.ToolCallingManager;
import org.springframework.ai.model.tool.ToolExecutionResult;
import org.springframework.ai.tool.ToolCallback;
import org.springframework.ai.tool.definition.ToolDefinition;

/**
 * Guards every tool call a ChatClient makes: wraps the prompt's tool callbacks in
 * {@link GuardedToolCallback}s (with the model's text beside the calls as their rationale) and then lets the
 * delegate execute them. Use it through {@link #advisor} or, with Spring Boot, the auto-configuration.
 */
public final class AlignGuardToolCallingManager implements ToolCallingManager {
    private final Guard guard;
    private final ToolCallingManager delegate;
    private final boolean throwOnBlock;

    public AlignGuardToolCallingManager(Guard guard, ToolCallingManager delegate, boolean throwOnBlock) {
        this.guard = Objects.requireNonNull(guard, "guard");
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.throwOnBlock = throwOnBlock;
    }

    /**
     * A tool-calling advisor whose tools are all guarded: {@code ChatClient.builder(model)
     * .defaultAdvisors(AlignGuardToolCallingManager.advisor(guard))} (it replaces the one ChatClient adds).
     */
    public static ToolCallingAdvisor advisor(Guard guard) {
        return advisor(guard, ToolCallingManager.builder().build());
    }

    /**
     * A tool-calling advisor that guards the tools of each prompt and then lets {@code delegate} run them: for
     * example a manager that resolves tools by name through an {@link AlignGuardToolCallbackResolver}.
     */
    public static ToolCallingAdvisor advisor(Guard guard, ToolCallingManager delegate) {
        return ToolCallingAdvisor.builder()
                .toolCallingManager(new AlignGuardToolCallingManager(guard, delegate, false))
                .build();
    }

    @Override
    public List<ToolDefinition> resolveToolDefinitions(ToolCallingChatOptions chatOptions) {
        return delegate.resolveToolDefinitions(chatOptions);
    }

    @Override
    public ToolExecutionResult executeToolCalls(Prompt prompt, ChatResponse chatResponse) {
        ChatOptions options = prompt.getOptions();
        if (!(options instanceof ToolCallingChatOptions tco) || tco.getToolCallbacks() == null) {
            return delegate.executeToolCalls(prompt, chatResponse);
        }
        String rationale = rationale(chatResponse);
        List<ToolCallback> guarded = tco.getToolCallbacks().stream()
                .map(c -> (ToolCallback) new GuardedToolCallback(guard, c, throwOnBlock, rationale))
                .toList();
        ToolCallingChatOptions guardedOptions = tco.mutate().toolCallbacks(guarded).build();
        return delegate.executeToolCalls(prompt.mutate().chatOptions(guardedOptions).build(), chatResponse);
    }

    private static String rationale(ChatResponse response) {
        if (response == null) {
            return null;
        }
        for (Generation g : response.getResults()) {
            AssistantMessage m = g.getOutput();
            if (m != null && m.hasToolCalls() && m.getText() != null && !m.getText().isBlank()) {
                return m.getText();
            }
        }
        return null;
    }
}
