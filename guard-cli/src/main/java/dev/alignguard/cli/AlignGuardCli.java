package dev.alignguard.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code java -jar alignguard-cli.jar scan ...}: the command-line entry point. */
@Command(name = "alignguard", mixinStandardHelpOptions = true, version = "AlignGuard 0.1.0",
        description = "Checks agent actions for blackmail, coercion and self-preservation, and audits corpora for text "
                + "portraying AI as malevolent.",
        subcommands = {ScanCommand.class, AuditCorpusCommand.class})
public final class AlignGuardCli {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the CLI and returns its exit code (0 ok, 1 failure, 2 usage error, 3 --fail-on matched). */
    static int run(String... args) {
        return new CommandLine(new AlignGuardCli()).setCaseInsensitiveEnumValuesAllowed(true).execute(args);
    }
}
