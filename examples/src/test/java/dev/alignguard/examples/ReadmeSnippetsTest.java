package dev.alignguard.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The README's Java snippets are compiled ones, word for word: each {@code java} block is the marked imports and
 * body of a source file in a test source set (compiled by its module's build), and there is no other.
 */
class ReadmeSnippetsTest {
    private static final Path README = Path.of("../README.md");

    /** Snippet name (as in its {@code // README <name> ...} markers) and the file that holds it. */
    private static final Map<String, Path> SNIPPETS = new TreeMap<>(Map.of(
            "quick-start", Path.of("src/test/java/dev/alignguard/examples/QuickStart.java"),
            "langchain4j", Path.of("src/test/java/dev/alignguard/examples/ReadmeLangChain4j.java"),
            "spring-ai", Path.of("../guard-spring-ai/src/test/java/dev/alignguard/springai/ReadmeSpringAi.java"),
            "micrometer", Path.of("../guard-micrometer/src/test/java/dev/alignguard/micrometer/ReadmeMicrometer.java"),
            "judge", Path.of("src/test/java/dev/alignguard/examples/ReadmeJudge.java"),
            "policy", Path.of("src/test/java/dev/alignguard/examples/ReadmePolicy.java"),
            "spark", Path.of("../guard-spark/src/test/java/dev/alignguard/spark/ReadmeSpark.java")));

    static List<String> snippetNames() {
        return List.copyOf(SNIPPETS.keySet());
    }

    @ParameterizedTest
    @MethodSource("snippetNames")
    void theReadmeShowsTheCompiledSnippetWithItsImports(String name) throws IOException {
        String snippet = snippet(name);
        assertTrue(Files.readString(README).contains(snippet), "README.md must show, in one java block:\n" + snippet);
    }

    @Test
    void everyJavaBlockInTheReadmeIsACompiledSnippet() throws IOException {
        List<String> compiled = SNIPPETS.keySet().stream().map(ReadmeSnippetsTest::snippet).toList();
        List<String> blocks = javaBlocks(Files.readAllLines(README));
        for (String block : blocks) {
            assertTrue(compiled.contains(block), "a java block in README.md that no test source set holds:\n" + block);
        }
        assertEquals(compiled.size(), blocks.size(), "one README block per compiled snippet");
    }

    /** The README block for a snippet: a java fence, the imports, a blank line, the body, the closing fence. */
    private static String snippet(String name) {
        try {
            List<String> source = Files.readAllLines(SNIPPETS.get(name));
            return "```java\n" + region(source, "README " + name + " imports") + "\n\n"
                    + region(source, "README " + name + " body") + "\n```";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every fenced {@code java} block of the README, fences included. */
    private static List<String> javaBlocks(List<String> readme) {
        List<String> blocks = new ArrayList<>();
        for (int i = 0; i < readme.size(); i++) {
            if (readme.get(i).equals("```java")) {
                int end = readme.subList(i + 1, readme.size()).indexOf("```") + i + 1;
                blocks.add(String.join("\n", readme.subList(i, end + 1)));
                i = end;
            }
        }
        return blocks;
    }

    /** The lines between the begin and end markers, with the common indentation removed. */
    private static String region(List<String> lines, String name) {
        int from = lines.indexOf(lines.stream().filter(l -> l.trim().equals("// " + name + ": begin")).findFirst()
                .orElseThrow(() -> new AssertionError("no marker '// " + name + ": begin'"))) + 1;
        int to = lines.indexOf(lines.stream().filter(l -> l.trim().equals("// " + name + ": end")).findFirst()
                .orElseThrow(() -> new AssertionError("no marker '// " + name + ": end'")));
        List<String> body = lines.subList(from, to);
        int indent = body.stream().filter(l -> !l.isBlank()).mapToInt(l -> l.length() - l.stripLeading().length())
                .min().orElse(0);
        return body.stream().map(l -> l.isBlank() ? "" : l.substring(indent)).collect(Collectors.joining("\n"));
    }
}
