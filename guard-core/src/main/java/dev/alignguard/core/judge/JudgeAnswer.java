package dev.alignguard.core.judge;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import dev.alignguard.core.Category;
import java.io.IOException;

/**
 * The judge's answer, parsed strictly: exactly one JSON object with the string keys {@code decision}
 * ({@code approve} or {@code deny}), {@code category} (a category id or {@code none}) and a non-empty
 * {@code reason}, and nothing else: no prose, code fence, comment, extra or repeated key, or second value.
 */
record JudgeAnswer(boolean approved, Category category, String reason) {
    static final int MAX_ANSWER_CHARS = 4_000;
    static final int MAX_REASON_CHARS = 1_000;

    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    /** Thrown for any answer that is not exactly the required object; the message says what is wrong. */
    static final class InvalidAnswer extends Exception {
        private static final long serialVersionUID = 1L;

        InvalidAnswer(String message) {
            super(message);
        }
    }

    static JudgeAnswer parse(String text) throws InvalidAnswer {
        if (text == null || text.isBlank()) {
            throw new InvalidAnswer("empty answer");
        }
        if (text.length() > MAX_ANSWER_CHARS) {
            throw new InvalidAnswer("answer longer than " + MAX_ANSWER_CHARS + " characters");
        }
        String decision = null;
        String category = null;
        String reason = null;
        try (JsonParser p = JSON.createParser(text)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new InvalidAnswer("answer is not a JSON object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String key = p.currentName();
                if (p.nextToken() != JsonToken.VALUE_STRING) {
                    // the key is the judge model's text: named only when it is one of ours, never echoed
                    throw new InvalidAnswer(switch (key) {
                        case "decision", "category", "reason" -> "'" + key + "' is not a string";
                        default -> "a member of the answer is not a string";
                    });
                }
                switch (key) {
                    case "decision" -> decision = p.getText();
                    case "category" -> category = p.getText();
                    case "reason" -> reason = p.getText().strip();
                    default -> throw new InvalidAnswer("unexpected key in answer");
                }
            }
            if (p.nextToken() != null) {
                throw new InvalidAnswer("text after the JSON object");
            }
        } catch (IOException e) { // malformed JSON, prose around it, or a repeated key
            throw new InvalidAnswer("answer is not one valid JSON object");
        }
        if (decision == null || category == null || reason == null) {
            throw new InvalidAnswer("answer lacks decision, category or reason");
        }
        if (reason.isEmpty() || reason.length() > MAX_REASON_CHARS) {
            throw new InvalidAnswer("reason is empty or longer than " + MAX_REASON_CHARS + " characters");
        }
        return new JudgeAnswer(approved(decision), category(category), reason);
    }

    private static boolean approved(String decision) throws InvalidAnswer {
        return switch (decision) {
            case "approve" -> true;
            case "deny" -> false;
            default -> throw new InvalidAnswer("decision is neither approve nor deny");
        };
    }

    private static Category category(String id) throws InvalidAnswer {
        if (id.equals("none")) {
            return null;
        }
        for (Category c : Category.values()) {
            if (c.id().equals(id)) {
                return c;
            }
        }
        throw new InvalidAnswer("category is not blackmail, coercion, self_preservation or none");
    }
}
