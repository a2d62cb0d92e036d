package dev.alignguard.springai;

import dev.alignguard.core.ActionBlockedException;
import dev.alignguard.core.AgentAction;
import dev.alignguard.core.Guard;
import dev.alignguard.core.GuardContext;
import java.util.Objects;
import org.springframework.ai.chat.client.ChatClientRequest;
import org.springframework.ai.chat.client.ChatClientResponse;
import org.springframework.ai.chat.client.advisor.api.CallAdvisor;
import org.springframework.ai.chat.client.advisor.api.CallAdvisorChain;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.core.Ordered;

/**
 * Checks a ChatClient's final answer before it reaches the caller; BLOCK, and REQUIRE_APPROVAL that is not
 * approved, throw {@link ActionBlockedException} instead of returning it. Ordered between the chat-memory
 * advisors and the tool-calling loop, so it sees the final answer and a blocked one is not remembered.
 */
public final class AlignGuardOutputAdvisor implements CallAdvisor {
    /** Between chat memory (+200) and tool calling (+300). */
    public static final int DEFAULT_ORDER = Ordered.HIGHEST_PRECEDENCE + 250;

    private final Guard guard;

    public AlignGuardOutputAdvisor(Guard guard) {
        this.guard = Objects.requireNonNull(guard, "guard");
    }

    @Override
    public ChatClientResponse adviseCall(ChatClientRequest request, CallAdvisorChain chain) {
        ChatClientResponse response = chain.nextCall(request);
        ChatResponse chat = response.chatResponse();
        String text = chat == null || chat.getResult() == null ? null : chat.getResult().getOutput().getText();
        if (text != null && !text.isEmpty()) {
            guard.enforce(AgentAction.output(text), GuardContext.empty());
        }
        return response;
    }

    @Override
    public String getName() {
        return "AlignGuardOutputAdvisor";
    }

    @Override
    public int getOrder() {
        return DEFAULT_ORDER;
    }
}
