package dev.alignguard.springai;

import dev.alignguard.core.ActionBlockedException;
import dev.alignguard.core.AgentAction;
import dev.alignguard.core.Guard;
import dev.alignguard.core.GuardContext;
import java.util.Objects;
import java.util.stream.Collectors;
import org.springframework.ai.chat.client.ChatClientRequest;
import org.springframework.ai.chat.client.ChatClientResponse;
import org.springframework.ai.chat.client.advisor.api.CallAdvisor;
import org.springframework.ai.chat.client.advisor.api.CallAdvisorChain;
import org.springframework.ai.chat.client.advisor.api.StreamAdvisor;
import org.springframework.ai.chat.client.advisor.api.StreamAdvisorChain;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.core.Ordered;
import reactor.core.publisher.Flux;

/**
 * Checks a ChatClient's final answer before it reaches the caller; BLOCK, and REQUIRE_APPROVAL that is not
 * approved, throw {@link ActionBlockedException} instead of returning it. A streamed answer is held until the
 * model has finished, checked whole, and only then released chunk by chunk, so no chunk of a stopped answer
 * reaches the subscriber, which gets the exception as the stream's error instead. Ordered between the
 * chat-memory advisors and the tool-calling loop, so it sees the final answer and a blocked one is not remembered.
 */
public final class AlignGuardOutputAdvisor implements CallAdvisor, StreamAdvisor {
    /** Between chat memory (+200) and tool calling (+300). */
    public static final int DEFAULT_ORDER = Ordered.HIGHEST_PRECEDENCE + 250;

    private final Guard guard;

    public AlignGuardOutputAdvisor(Guard guard) {
        this.guard = Objects.requireNonNull(guard, "guard");
    }

    @Override
    public ChatClientResponse adviseCall(ChatClientRequest request, CallAdvisorChain chain) {
        ChatClientResponse response = chain.nextCall(request);
        enforce(text(response));
        return response;
    }

    /**
     * Collects the whole stream, checks the text of all its chunks as one output, and then emits the chunks
     * unchanged, or {@link ActionBlockedException} as the error signal and no chunk at all. The check runs on
     * the thread that delivers the last chunk (with ChatClient, a Reactor bounded-elastic thread).
     */
    @Override
    public Flux<ChatClientResponse> adviseStream(ChatClientRequest request, StreamAdvisorChain chain) {
        return chain.nextStream(request).collectList().flatMapMany(chunks -> {
            try {
                enforce(chunks.stream().map(AlignGuardOutputAdvisor::text).collect(Collectors.joining()));
                return Flux.fromIterable(chunks);
            } catch (ActionBlockedException e) {
                return Flux.error(e);
            }
        });
    }

    private void enforce(String text) {
        if (!text.isEmpty()) {
            guard.enforce(AgentAction.output(text), GuardContext.empty());
        }
    }

    /** The text of every generation of a response (or of one streamed chunk), in order; empty when there is none. */
    private static String text(ChatClientResponse response) {
        ChatResponse chat = response == null ? null : response.chatResponse();
        if (chat == null) {
            return "";
        }
        return chat.getResults().stream()
                .map(Generation::getOutput)
                .filter(Objects::nonNull)
                .map(AssistantMessage::getText)
                .filter(Objects::nonNull)
                .collect(Collectors.joining());
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
