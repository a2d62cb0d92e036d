package dev.alignguard.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The rules that let the public API grow without breaking hosts, read from the sources of every module:
 * {@code dev.alignguard.core.internal} is used by guard-core alone (training/tools' parity checks compile guard-core's
 * own normaliser source beside them to compare it with the Python pipeline; they are no module), guard-core has no dependency cycle between
 * classes of different packages, and every jar names its automatic module.
 */
class ApiBoundaryTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path CORE_MAIN = Path.of("src/main/java");
    private static final String INTERNAL = "dev.alignguard.core.internal";
    private static final Pattern PACKAGE = Pattern.compile("(?m)^package ([\\w.]+);");
    private static final Pattern CORE_TYPE = Pattern.compile("\\bdev\\.alignguard\\.core(?:\\.[a-z]\\w*)*\\.[A-Z]\\w*");

    @Test
    void noModuleOutsideGuardCoreUsesTheInternalPackages() {
        List<String> offenders;
        try (Stream<Path> files = Files.walk(ROOT)) {
            offenders = files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> !ROOT.relativize(p).startsWith("guard-core"))
                    .filter(p -> !ROOT.relativize(p).startsWith(Path.of("training", "tools")))
                    .filter(p -> !ROOT.relativize(p).toString().contains("/target/"))
                    .filter(p -> read(p).contains(INTERNAL))
                    .map(p -> ROOT.relativize(p).toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertTrue(sources(ROOT.resolve("guard-cli")).size() > 0, "the scan must see the other modules");
        assertEquals(List.of(), offenders, "only guard-core may use " + INTERNAL
                + ": expose what another module needs as documented public API");
    }

    @Test
    void guardCoreHasNoDependencyCycleBetweenPackages() {
        Map<String, String> packageOf = new HashMap<>();
        Map<String, String> code = new HashMap<>();
        for (Path p : sources(CORE_MAIN)) {
            String name = p.getFileName().toString().replace(".java", "");
            if (name.equals("package-info")) {
                continue;
            }
            String text = read(p);
            Matcher m = PACKAGE.matcher(text);
            assertTrue(m.find(), p + " has no package");
            packageOf.put(m.group(1) + "." + name, m.group(1));
            code.put(m.group(1) + "." + name, withoutComments(text));
        }
        Map<String, Set<String>> uses = new HashMap<>();
        code.forEach((type, text) -> uses.put(type, dependencies(type, text, packageOf)));
        List<String> crossing = new ArrayList<>();
        for (Set<String> cycle : stronglyConnected(uses)) {
            Set<String> packages = cycle.stream().map(packageOf::get).collect(Collectors.toCollection(TreeSet::new));
            if (packages.size() > 1) {
                crossing.add(new TreeSet<>(cycle).toString());
            }
        }
        assertEquals(List.of(), crossing, "classes that depend on each other across packages");
    }

    @Test
    void everyModuleJarNamesItsAutomaticModule() {
        String parent = read(ROOT.resolve("pom.xml"));
        assertTrue(parent.contains("<Automatic-Module-Name>${alignguard.module}</Automatic-Module-Name>"),
                "the parent pom must write Automatic-Module-Name into every jar's manifest");
        Map<String, String> names = new TreeMap<>();
        Matcher module = Pattern.compile("<module>([\\w-]+)</module>").matcher(parent);
        while (module.find()) {
            String pom = read(ROOT.resolve(module.group(1)).resolve("pom.xml"));
            if (pom.contains("<packaging>pom</packaging>")) {
                continue;
            }
            Matcher name = Pattern.compile("<alignguard\\.module>([^<]*)</alignguard\\.module>").matcher(pom);
            assertTrue(name.find(), module.group(1) + "/pom.xml must set alignguard.module");
            assertTrue(name.group(1).matches("dev\\.alignguard\\.[a-z][a-z0-9]*"), name.group(1));
            names.put(module.group(1), name.group(1));
        }
        assertTrue(names.size() >= 10, "modules found: " + names);
        assertEquals(names.size(), new HashSet<>(names.values()).size(), "module names must differ: " + names);
        assertEquals("dev.alignguard.core", names.get("guard-core"));
    }

    /** The guard-core types {@code text} refers to: imported, written out in full, or in its own package. */
    private static Set<String> dependencies(String type, String text, Map<String, String> packageOf) {
        Set<String> out = new HashSet<>();
        Matcher m = CORE_TYPE.matcher(text);
        while (m.find()) {
            if (packageOf.containsKey(m.group())) {
                out.add(m.group());
            }
        }
        String own = packageOf.get(type);
        String body = text.replaceAll("(?m)^(package|import) .*$", "");
        packageOf.forEach((other, pkg) -> {
            String simple = other.substring(pkg.length() + 1);
            if (pkg.equals(own) && Pattern.compile("(?<![\\w.])" + simple + "\\b").matcher(body).find()) {
                out.add(other);
            }
        });
        out.remove(type);
        return out;
    }

    /** Tarjan's strongly connected components with more than one member. */
    private static List<Set<String>> stronglyConnected(Map<String, Set<String>> graph) {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        Set<String> onStack = new HashSet<>();
        List<Set<String>> out = new ArrayList<>();
        for (String v : new TreeSet<>(graph.keySet())) {
            if (!index.containsKey(v)) {
                connect(v, graph, index, low, stack, onStack, out);
            }
        }
        return out;
    }

    private static void connect(String v, Map<String, Set<String>> graph, Map<String, Integer> index,
                                Map<String, Integer> low, Deque<String> stack, Set<String> onStack,
                                List<Set<String>> out) {
        index.put(v, index.size());
        low.put(v, index.get(v));
        stack.push(v);
        onStack.add(v);
        for (String w : graph.getOrDefault(v, Set.of())) {
            if (!index.containsKey(w)) {
                connect(w, graph, index, low, stack, onStack, out);
                low.put(v, Math.min(low.get(v), low.get(w)));
            } else if (onStack.contains(w)) {
                low.put(v, Math.min(low.get(v), index.get(w)));
            }
        }
        if (low.get(v).equals(index.get(v))) {
            Set<String> component = new HashSet<>();
            String w;
            do {
                w = stack.pop();
                onStack.remove(w);
                component.add(w);
            } while (!w.equals(v));
            if (component.size() > 1) {
                out.add(component);
            }
        }
    }

    private static String withoutComments(String source) {
        return source.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\n]*", "")
                .replaceAll("\"(?:\\\\.|[^\"\\\\\n])*\"", "\"\"");
    }

    private static List<Path> sources(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
