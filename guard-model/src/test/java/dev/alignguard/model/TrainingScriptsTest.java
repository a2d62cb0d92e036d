package dev.alignguard.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.alignguard.core.testing.TestTools;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The pipeline that builds this module's model is Python (training/); its unit tests (metrics, windows, vocabulary
 * cut, bundling, release recipe, corpus checks) run here so that {@code mvn -B verify} fails when they do. They
 * need the Debian {@code /usr/bin/python3} with numpy and onnx (scripts/setup-test-tools.sh); tests that need torch
 * skip without it.
 */
class TrainingScriptsTest {
    private static final String PYTHON = "/usr/bin/python3";
    private static final Path TRAINING = Path.of("..", "training").toAbsolutePath().normalize();

    @Test
    void trainingPipelineUnitTestsPass() throws Exception {
        requirePythonWithNumpyAndOnnx();
        Process p = new ProcessBuilder(PYTHON, "-m", "unittest", "discover", "-s", "tests")
                .directory(TRAINING.toFile()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), "the training unit tests finish within 5 minutes");
        assertEquals(0, p.exitValue(), output);
        assertTrue(output.contains("\nOK"), output);
    }

    private static void requirePythonWithNumpyAndOnnx() throws Exception {
        assertTrue(Files.isDirectory(TRAINING.resolve("tests")), "training/tests beside this module");
        boolean ready = new File(PYTHON).canExecute()
                && new ProcessBuilder(PYTHON, "-c", "import numpy, onnx").redirectErrorStream(true).start().waitFor() == 0;
        if (!ready) {
            TestTools.missing("TrainingScriptsTest: " + PYTHON + " with numpy and onnx is not installed; run"
                    + " scripts/setup-test-tools.sh to install it");
        }
    }
}
