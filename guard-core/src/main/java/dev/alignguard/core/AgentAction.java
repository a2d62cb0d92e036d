package dev.alignguard.core;

import java.util.Objects;

/**
 * Something an agent is about to do, checked before it happens: a tool call, a plan, a final output or a
 * message. Sealed so that the text extraction rules cover every kind; strings are kept exactly as the
 * agent produced them (evidence offsets point into them).
 */
public sealed interface AgentAction permits AgentAction.ToolCall, AgentAction.TextAction {

    /** A short kind name for audit records: {@code tool_call}, {@code plan}, {@code output}, {@code message}. */
    String kind();

    /**
     * A tool invocation: the tool's name, its arguments as the raw JSON the model produced (invalid JSON is
     * still scored, as raw text, with a warning) and, optionally, the agent's rationale for the call.
     */
    record ToolCall(String tool, String argumentsJson, String rationale) implements AgentAction {
        public ToolCall {
            Objects.requireNonNull(tool, "tool must not be null");
            argumentsJson = argumentsJson == null ? "" : argumentsJson;
        }

        /** A call without a rationale. */
        public ToolCall(String tool, String argumentsJson) {
            this(tool, argumentsJson, null);
        }

        @Override
        public String kind() {
            return "tool_call";
        }
    }

    /** An action that is one piece of text: a plan, an output or a message. */
    sealed interface TextAction extends AgentAction permits Plan, Output, Message {
        /** The text, exactly as the agent produced it. */
        String text();
    }

    /** A plan or chain of reasoning the agent is about to act on. */
    record Plan(String text) implements TextAction {
        public Plan {
            Objects.requireNonNull(text, "plan text must not be null");
        }

        @Override
        public String kind() {
            return "plan";
        }
    }

    /** A final answer the agent is about to return. */
    record Output(String text) implements TextAction {
        public Output {
            Objects.requireNonNull(text, "output text must not be null");
        }

        @Override
        public String kind() {
            return "output";
        }
    }

    /** A message the agent is about to send to a person or another agent outside a tool call. */
    record Message(String text) implements TextAction {
        public Message {
            Objects.requireNonNull(text, "message text must not be null");
        }

        @Override
        public String kind() {
            return "message";
        }
    }

    /** Shorthand for {@code new ToolCall(tool, argumentsJson, null)}. */
    static ToolCall toolCall(String tool, String argumentsJson) {
        return new ToolCall(tool, argumentsJson, null);
    }

    /** Shorthand for {@code new ToolCall(tool, argumentsJson, rationale)}. */
    static ToolCall toolCall(String tool, String argumentsJson, String rationale) {
        return new ToolCall(tool, argumentsJson, rationale);
    }

    /** Shorthand for {@code new Plan(text)}. */
    static Plan plan(String text) {
        return new Plan(text);
    }

    /** Shorthand for {@code new Output(text)}. */
    static Output output(String text) {
        return new Output(text);
    }

    /** Shorthand for {@code new Message(text)}. */
    static Message message(String text) {
        return new Message(text);
    }
}
