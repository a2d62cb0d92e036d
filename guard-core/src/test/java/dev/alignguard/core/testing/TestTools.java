package dev.alignguard.core.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds an external program an integration test needs. The build installs nothing: when the program is
 * missing the test is skipped with one line on stderr saying how to get it, except under {@code CI=true},
 * where a missing program fails the build (CI installs it with scripts/setup-test-tools.sh).
 */
public final class TestTools {
    private TestTools() {
    }

    /** The absolute path of the first of {@code names} on PATH; skips (or fails under CI=true) when none is. */
    public static String require(String test, String... names) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            for (String name : names) {
                File f = new File(dir, name);
                if (f.canExecute()) {
                    return f.getAbsolutePath();
                }
            }
        }
        missing(test + ": " + names[0] + " is not installed (not on PATH); run scripts/setup-test-tools.sh"
                + " to install it");
        return null; // not reached: missing throws
    }

    /** Skips the calling test with {@code message} on stderr, or fails it under CI=true; always throws. */
    public static void missing(String message) {
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail(message + " (CI=true requires it)");
        }
        System.err.println("SKIPPED " + message + " (CI=true makes this a failure)");
        Assumptions.abort(message);
    }
}
