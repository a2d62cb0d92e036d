package dev.alignguard.core.judge;

import java.util.Objects;

/**
 * The host's chat model, seen by the {@link Judge}: one system and one user message in, the answer's text out.
 * guard-langchain4j and guard-spring-ai adapt their frameworks' models. Called on the thread that checks the
 * action; the library starts none, so a timeout belongs in the model client's own settings.
 */
@FunctionalInterface
public interface JudgeModel {

    /** Sends {@code prompt} and returns the answer; may throw (the judge then denies). */
    Reply complete(Prompt prompt) throws Exception;

    /** What to send: the rules, the quoted action, and the most tokens the answer may use. */
    record Prompt(String system, String user, int maxTokens) {
        public Prompt {
            Objects.requireNonNull(system, "system");
            Objects.requireNonNull(user, "user");
        }
    }

    /** The answer's text (null or empty when the model said nothing) and the model that wrote it. */
    record Reply(String text, String model) {
    }
}
