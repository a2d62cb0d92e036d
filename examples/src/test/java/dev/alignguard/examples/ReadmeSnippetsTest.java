package dev.alignguard.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The README's Java snippets are the compiled ones in this test source set, word for word. */
class ReadmeSnippetsTest {
    private static final Path README = Path.of("../README.md");
    private static final Path QUICK_START = Path.of("src/test/java/dev/alignguard/examples/QuickStart.java");

    @Test
    void quickStartInTheReadmeIsTheCompiledQuickStartWithItsImports() throws Exception {
        List<String> source = Files.readAllLines(QUICK_START);
        String snippet = "```java\n" + region(source, "README quick-start imports") + "\n\n"
                + region(source, "README quick-start body") + "\n```";
        assertTrue(Files.readString(README).contains(snippet), "README.md must show, in one java block:\n" + snippet);
    }

    /** The lines between the begin and end markers, with the common indentation removed. */
    private static String region(List<String> lines, String name) {
        int from = lines.indexOf(lines.stream().filter(l -> l.trim().equals("// " + name + ": begin")).findFirst()
                .orElseThrow()) + 1;
        int to = lines.indexOf(lines.stream().filter(l -> l.trim().equals("// " + name + ": end")).findFirst()
                .orElseThrow());
        List<String> body = lines.subList(from, to);
        int indent = body.stream().filter(l -> !l.isBlank()).mapToInt(l -> l.length() - l.stripLeading().length())
                .min().orElse(0);
        return body.stream().map(l -> l.isBlank() ? "" : l.substring(indent)).collect(Collectors.joining("\n"));
    }
}
