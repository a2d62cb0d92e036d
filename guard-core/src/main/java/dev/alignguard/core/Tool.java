package dev.alignguard.core;

/**
 * A tool an agent can call with JSON arguments. {@link Guard#wrap(Tool)} returns one that is checked
 * before every call; implement it directly or adapt an existing tool with {@link #of}.
 *
 * @param <R> what the tool returns
 */
public interface Tool<R> {

    /** The tool's name as the model sees it ({@code send_email}); per-tool policy overrides use it. */
    String name();

    /** Runs the tool. */
    R call(String argumentsJson) throws Exception;

    /** A tool from a name and a function. */
    static <R> Tool<R> of(String name, ThrowingFunction<String, R> body) {
        java.util.Objects.requireNonNull(name, "name");
        java.util.Objects.requireNonNull(body, "body");
        return new Tool<>() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public R call(String argumentsJson) throws Exception {
                return body.apply(argumentsJson);
            }
        };
    }

    /** A function that may throw, so tools with checked exceptions can be adapted. */
    @FunctionalInterface
    interface ThrowingFunction<T, R> {
        R apply(T t) throws Exception;
    }
}
