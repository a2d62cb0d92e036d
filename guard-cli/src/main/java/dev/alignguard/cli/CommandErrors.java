package dev.alignguard.cli;

import dev.alignguard.core.GuardException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * How the CLI's commands report what stops them: one {@code alignguard:} line on stderr and the exit code (2 for a
 * usage error, 1 for a model, I/O or interrupt failure), so that {@code scan} and {@code audit-corpus} word and
 * number their failures alike.
 */
final class CommandErrors {
    private CommandErrors() {
    }

    /** Reports a usage error; returns exit code 2. */
    static int usage(String message) {
        System.err.println("alignguard: " + message);
        return 2;
    }

    /**
     * The usage error in the options that {@code scan} and {@code audit-corpus} share, or null when there is none:
     * threads out of 1..256, neither {@code --output} nor {@code --report}, or {@code --report-top} out of range.
     */
    static String sharedOptionError(int threads, String output, Path report, int reportTop) {
        if (threads < 1 || threads > 256) {
            return "--threads must be between 1 and 256";
        }
        if (output == null && report == null) {
            return "give --output, --report or both";
        }
        if (reportTop < 0 || reportTop > ScanCommand.MAX_REPORT_TOP) {
            return "--report-top must be between 0 and " + ScanCommand.MAX_REPORT_TOP;
        }
        return null;
    }

    /**
     * Reports a failure of the model, the files or the thread (restoring its interrupt flag); returns exit code 1.
     */
    static int failure(Exception e) {
        if (e instanceof InterruptedException) {
            Thread.currentThread().interrupt();
            System.err.println("alignguard: interrupted");
        } else if (e instanceof NoSuchFileException missing) {
            System.err.println("alignguard: file not found: " + missing.getFile());
        } else if (e instanceof IOException || e instanceof UncheckedIOException) {
            System.err.println("alignguard: I/O error: " + e.getMessage());
        } else {
            System.err.println("alignguard: " + e.getMessage());
        }
        return 1;
    }
}
