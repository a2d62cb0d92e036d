package dev.alignguard.examples;

// README langchain4j imports: begin
import dev.alignguard.core.Guard;
import dev.alignguard.langchain4j.AlignGuardInputGuardrail;
import dev.alignguard.langchain4j.AlignGuardOutputGuardrail;
import dev.alignguard.langchain4j.AlignGuardTools;
import dev.langchain4j.service.AiServices;
// README langchain4j imports: end

import dev.langchain4j.model.chat.ChatModel;

/** The README's LangChain4j snippet, compiled by the build and checked against the README by {@link ReadmeSnippetsTest}. */
final class ReadmeLangChain4j {
    private ReadmeLangChain4j() {
    }

    static Agent agent(ChatModel model) {
        // README langchain4j body: begin
        Guard guard = Guard.create();
        Agent agent = AlignGuardTools.of(guard)
                .install(AiServices.builder(Agent.class).chatModel(model), new MailTools())   // guarded tools + rationale
                .inputGuardrails(new AlignGuardInputGuardrail(guard))                         // plans / handed-over tasks
                .outputGuardrails(new AlignGuardOutputGuardrail(guard))                       // final answers
                .build();
        // README langchain4j body: end
        return agent;
    }
}
