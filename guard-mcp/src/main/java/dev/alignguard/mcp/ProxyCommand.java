package dev.alignguard.mcp;

import dev.alignguard.core.ApprovalHandler;
import dev.alignguard.core.Guard;
import dev.alignguard.core.GuardConfig;
import dev.alignguard.core.GuardException;
import dev.alignguard.core.audit.JsonlAuditSink;
import dev.alignguard.core.audit.Slf4jAuditSink;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.TypeConversionException;

/**
 * The proxy's command line: reads the options, builds the guard, starts the server and relays until one
 * side ends. Exit code: the server's when it ends first, 0 when the client disconnects, 1 when the guard or
 * the server cannot start, 2 for a usage error.
 */
@Command(name = "alignguard-mcp", mixinStandardHelpOptions = true, version = "AlignGuard MCP proxy 0.1.0",
        description = "Runs an MCP server behind AlignGuard: every tools/call is checked before the server sees it.",
        footer = "Example: java -jar alignguard-mcp.jar --config policy.yaml -- npx -y "
                + "@modelcontextprotocol/server-filesystem /tmp")
final class ProxyCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(ProxyCommand.class);
    private static final int QUEUED_CHECKS_PER_THREAD = 32;
    private static final int MIN_LINE_CHARS = 1 << 10;
    private static final int MAX_LINE_CHARS = 1 << 30;

    /** What happens to a call whose verdict is REQUIRE_APPROVAL: nobody is at hand to approve it. */
    enum OnApproval {
        /** Refuse it, like BLOCK (the default). */
        BLOCK(ApprovalHandler.DENY),
        /** Forward it; the verdict is still audited. */
        FLAG((action, verdict, context) -> true);

        private final ApprovalHandler handler;

        OnApproval(ApprovalHandler handler) {
            this.handler = handler;
        }

        ApprovalHandler handler() {
            return handler;
        }
    }

    @Option(names = "--config", description = "Policy file (.yaml, .yml or .properties).")
    Path config;

    @Option(names = "--model", description = "Model bundle directory (default: the bundled model).")
    Path model;

    @Option(names = "--audit", description = "Append one audit record per decision to this JSONL file "
            + "(default: one log line per decision on stderr).")
    Path audit;

    @Option(names = "--on-approval", defaultValue = "block",
            description = "REQUIRE_APPROVAL verdicts: block (default) or flag (forward and audit).")
    OnApproval onApproval;

    @Option(names = "--call-timeout", defaultValue = "120s", converter = DurationConverter.class,
            description = "How long the server may take to answer a request before the client gets an error "
                    + "(500ms, 30s, 2m, PT30S; 0 waits forever; default 120s).")
    Duration callTimeout;

    @Option(names = "--check-threads", defaultValue = "2", description = "Tool calls checked at once (default 2).")
    int checkThreads;

    @Option(names = "--max-line-chars", defaultValue = "16777216",
            description = "Longest message line, in chars, read from the client or the server (1024 to 1073741824; "
                    + "default 16777216 = 16 Mi). A longer line is not relayed: the client gets an Invalid Request "
                    + "error; one from the server is logged by length and dropped.")
    int maxLineChars;

    @Parameters(arity = "1..*", paramLabel = "SERVER_COMMAND",
            description = "The MCP server to run and its arguments (after --).")
    List<String> command;

    private final InputStream clientIn;
    private final OutputStream clientOut;

    ProxyCommand(InputStream clientIn, OutputStream clientOut) {
        this.clientIn = clientIn;
        this.clientOut = clientOut;
    }

    @Override
    public Integer call() throws InterruptedException {
        if (checkThreads < 1 || checkThreads > 64) {
            System.err.println("alignguard-mcp: --check-threads must be between 1 and 64");
            return 2;
        }
        if (maxLineChars < MIN_LINE_CHARS || maxLineChars > MAX_LINE_CHARS) {
            System.err.println("alignguard-mcp: --max-line-chars must be between " + MIN_LINE_CHARS + " (1 Ki) and "
                    + MAX_LINE_CHARS + " (1 Gi)");
            return 2;
        }
        try {
            GuardConfig cfg = config == null ? GuardConfig.defaults() : GuardConfig.load(config);
            if (model != null) {
                cfg = cfg.withModelLocation(model.toString());
            }
            try (JsonlAuditSink auditFile = audit == null ? null : openAudit(audit);
                 ServerProcess server = ServerProcess.start(command);
                 Guard guard = Guard.builder().config(cfg).approvalHandler(onApproval.handler())
                         .auditSink(auditFile == null ? new Slf4jAuditSink() : auditFile).build()) {
                return relay(guard, server);
            }
        } catch (GuardException | IOException e) {
            System.err.println("alignguard-mcp: " + e.getMessage());
            return 1;
        }
    }

    private static JsonlAuditSink openAudit(Path file) throws IOException {
        try {
            return new JsonlAuditSink(Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND));
        } catch (IOException e) {
            throw new IOException("cannot open the audit file " + file + ": " + e, e);
        }
    }

    private int relay(Guard guard, ServerProcess server) throws InterruptedException {
        Thread killServer = new Thread(server::kill, "alignguard-mcp-shutdown");
        Runtime.getRuntime().addShutdownHook(killServer); // the client may kill us; the server must not outlive us
        try {
            McpSession session = new McpSession();
            JsonRpcRelay.Limits limits = new JsonRpcRelay.Limits(checkThreads, checkThreads * QUEUED_CHECKS_PER_THREAD,
                    callTimeout, maxLineChars);
            JsonRpcRelay relay = new JsonRpcRelay(new JsonRpcRelay.Endpoint(clientIn, clientOut),
                    new JsonRpcRelay.Endpoint(server.output(), server.input()), new ToolCallInspector(guard, session),
                    session, limits);
            LOG.info("guarding tools/call with model {}", guard.model().id());
            if (relay.run() == JsonRpcRelay.End.CLIENT_CLOSED) {
                return 0;
            }
            int code = server.awaitExit(Duration.ofSeconds(2));
            LOG.warn("the MCP server ended the session{}", code < 0 ? "" : " with exit code " + code);
            return code < 0 ? 1 : code;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(killServer);
            } catch (IllegalStateException e) {
                LOG.debug("the JVM is shutting down; the hook has already stopped the server");
            }
        }
    }

    /** Reads {@code 500ms}, {@code 30s}, {@code 2m}, ISO-8601 ({@code PT30S}) or {@code 0}. */
    static final class DurationConverter implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            Duration d = parse(value.trim().toLowerCase(Locale.ROOT));
            if (d == null || d.isNegative()) {
                throw new TypeConversionException("expected a duration such as 500ms, 30s, 2m or PT30S, got '"
                        + value + "'");
            }
            return d;
        }

        private static Duration parse(String v) {
            try {
                if (v.equals("0")) {
                    return Duration.ZERO;
                } else if (v.startsWith("pt")) {
                    return Duration.parse(v);
                } else if (v.endsWith("ms")) {
                    return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
                } else if (v.endsWith("s")) {
                    return Duration.ofSeconds(Long.parseLong(v.substring(0, v.length() - 1)));
                } else if (v.endsWith("m")) {
                    return Duration.ofMinutes(Long.parseLong(v.substring(0, v.length() - 1)));
                }
                return null;
            } catch (NumberFormatException | DateTimeParseException e) {
                return null;
            }
        }
    }
}
