package dev.alignguard.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No regular expression with catastrophic backtracking touches attacker-controlled text: every regex in the
 * production sources of every module must be one of the reviewed patterns below, each a single character
 * class or literal under one quantifier, which the JDK matches in linear time.
 */
class RegexSafetyTest {
    /** Reviewed patterns: no nested quantifiers, no overlapping alternations. */
    private static final Set<String> REVIEWED = Set.of("\\\\s+", "\\\\.", ",");
    private static final Pattern REGEX_CALL = Pattern.compile(
            "(?:replaceAll|replaceFirst|matches|split|Pattern\\.compile)\\(\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

    @Test
    void productionSourcesUseOnlyReviewedRegularExpressions() throws IOException {
        List<String> found = new ArrayList<>();
        Path root = Path.of("..").toAbsolutePath().normalize();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> p.toString().contains("/src/main/java/"))::iterator) {
                Matcher m = REGEX_CALL.matcher(Files.readString(f));
                while (m.find()) {
                    if (!REVIEWED.contains(m.group(1))) {
                        found.add(root.relativize(f) + ": \"" + m.group(1) + "\"");
                    }
                }
            }
        }
        assertEquals(List.of(), found, "unreviewed regular expressions in production code");
    }
}
