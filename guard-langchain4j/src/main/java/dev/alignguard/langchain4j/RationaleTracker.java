package dev.alignguard.langchain4j;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.invocation.InvocationContext;
import dev.langchain4j.observability.api.event.AiServiceResponseReceivedEvent;
import dev.langchain4j.observability.api.listener.AiServiceCompletedListener;
import dev.langchain4j.observability.api.listener.AiServiceErrorListener;
import dev.langchain4j.observability.api.listener.AiServiceListener;
import dev.langchain4j.observability.api.listener.AiServiceResponseReceivedListener;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Remembers the text the model wrote next to its latest tool calls, per AiServices invocation, so the tool
 * call is checked with its rationale. Bounded, and cleared when the invocation completes or fails.
 */
final class RationaleTracker {
    private static final int MAX_INVOCATIONS = 1024;

    private final Map<UUID, String> latest = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, String> eldest) {
            return size() > MAX_INVOCATIONS;
        }
    };

    String rationale(InvocationContext context) {
        if (context == null || context.invocationId() == null) {
            return null;
        }
        synchronized (latest) {
            return latest.get(context.invocationId());
        }
    }

    List<AiServiceListener<?>> listeners() {
        AiServiceResponseReceivedListener received = this::onResponse;
        AiServiceCompletedListener completed = e -> forget(e.invocationContext());
        AiServiceErrorListener failed = e -> forget(e.invocationContext());
        return List.of(received, completed, failed);
    }

    private void onResponse(AiServiceResponseReceivedEvent event) {
        InvocationContext ic = event.invocationContext();
        if (ic == null || ic.invocationId() == null || event.response() == null) {
            return;
        }
        AiMessage ai = event.response().aiMessage();
        String text = ai == null ? null : ai.text();
        synchronized (latest) {
            if (text == null || text.isBlank()) {
                latest.remove(ic.invocationId());
            } else {
                latest.put(ic.invocationId(), text);
            }
        }
    }

    private void forget(InvocationContext ic) {
        if (ic != null && ic.invocationId() != null) {
            synchronized (latest) {
                latest.remove(ic.invocationId());
            }
        }
    }

}
