package dev.alignguard.server;

import dev.alignguard.core.Guard;
import dev.alignguard.core.GuardConfig;
import dev.alignguard.core.GuardException;
import dev.alignguard.core.audit.JsonlAuditSink;
import dev.alignguard.core.audit.Slf4jAuditSink;
import dev.alignguard.micrometer.MeteredAuditSink;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code java -jar alignguard-server.jar [--config policy.yaml] [--port 8787] [--bind 127.0.0.1]}: listens,
 * loads the model, passes the readiness self-test and answers checks until stopped. Exit code 1 when the
 * server or the guard cannot start, 2 for a usage error (including a non-loopback bind without a token).
 */
@Command(name = "alignguard-server", mixinStandardHelpOptions = true, version = "AlignGuard server 0.1.0",
        description = "Answers POST /v1/check with AlignGuard verdicts, for agents in any language.",
        footer = "The bearer token comes from --token-file or the environment variable " + AlignGuardServer.TOKEN_ENV
                + "; it is required when --bind is not a loopback address.")
public final class AlignGuardServer implements Callable<Integer> {
    /** The environment variable that holds the bearer token when no {@code --token-file} is given. */
    public static final String TOKEN_ENV = "ALIGNGUARD_SERVER_TOKEN";
    private static final Logger LOG = LoggerFactory.getLogger(AlignGuardServer.class);

    @Option(names = "--config", description = "Policy file (.yaml, .yml or .properties).")
    Path config;

    @Option(names = "--model", description = "Model bundle directory (default: the bundled model).")
    Path model;

    @Option(names = "--port", defaultValue = "8787", description = "TCP port (default 8787; 0 picks a free one).")
    int port;

    @Option(names = "--bind", defaultValue = "127.0.0.1",
            description = "Address to listen on (default 127.0.0.1; any other needs a bearer token).")
    String bind;

    @Option(names = "--token-file", description = "File whose content (trimmed) is the bearer token.")
    Path tokenFile;

    @Option(names = "--audit", description = "Append one audit record per decision to this JSONL file "
            + "(default: one log line per decision on stderr).")
    Path audit;

    @Option(names = "--max-body-bytes", defaultValue = "1048576",
            description = "Largest request body (default 1048576 = 1 MiB); larger ones get 413.")
    int maxBodyBytes;

    @Option(names = "--deadline-ms", defaultValue = "5000", description = "How long a request may take to arrive "
            + "and reach a worker (default 5000); later ones get 408 or 503. The check itself is bounded by the "
            + "policy's timeout.")
    long deadlineMs;

    @Option(names = "--workers", description = "Checks running at once (default: the number of processors).")
    Integer workers;

    @Option(names = "--queue", defaultValue = "64", description = "Requests waiting for a worker (default 64); "
            + "one more gets 429.")
    int queue;

    @Option(names = "--max-batch", defaultValue = "64", description = "Most actions in one batch (default 64).")
    int maxBatch;

    private final Map<String, String> env;

    AlignGuardServer(Map<String, String> env) {
        this.env = env;
    }

    public static void main(String[] args) {
        int code = run(System.getenv(), args);
        if (code != 0) {
            System.exit(code);
        }
    }

    /** Runs the server until it stops and returns the exit code. */
    static int run(Map<String, String> env, String... args) {
        if (System.getProperty("ai.djl.offline") == null) {
            System.setProperty("ai.djl.offline", "true");
        }
        return new CommandLine(new AlignGuardServer(env)).execute(args);
    }

    @Override
    public Integer call() throws InterruptedException {
        ServerSettings settings;
        try {
            settings = settings(token());
        } catch (IllegalArgumentException | IOException e) {
            System.err.println("alignguard-server: " + e.getMessage());
            return 2;
        }
        try (GuardServer server = GuardServer.start(settings);
             JsonlAuditSink auditFile = audit == null ? null : new JsonlAuditSink(Files.newBufferedWriter(audit,
                     StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND))) {
            System.out.println("alignguard-server listening on " + server.uri());
            System.out.flush();
            MeteredAuditSink sink = new MeteredAuditSink(auditFile == null ? new Slf4jAuditSink() : auditFile);
            try (Guard guard = Guard.builder().config(guardConfig()).auditSink(sink).build()) {
                server.ready(guard, sink);
                LOG.info("ready: model {} {}", guard.model().id(), guard.model().version());
                Runtime.getRuntime().addShutdownHook(new Thread(server::close, "alignguard-server-stop"));
                server.join();
            }
            return 0;
        } catch (GuardException | IllegalStateException e) {
            System.err.println("alignguard-server: " + e.getMessage());
            return 1;
        } catch (IOException e) { // the port or the audit file
            System.err.println("alignguard-server: " + e);
            return 1;
        }
    }

    private ServerSettings settings(String token) throws IOException {
        if (token == null && !InetAddress.getByName(bind).isLoopbackAddress()) {
            throw new IllegalArgumentException("--bind " + bind + " is not a loopback address: give a bearer token "
                    + "with --token-file or " + TOKEN_ENV);
        }
        ServerSettings d = ServerSettings.defaults();
        return new ServerSettings(bind, port, token, maxBodyBytes, Duration.ofMillis(deadlineMs),
                workers == null ? d.workers() : workers, queue, maxBatch);
    }

    private String token() throws IOException {
        String token = tokenFile != null ? Files.readString(tokenFile, StandardCharsets.UTF_8) : env.get(TOKEN_ENV);
        if (token == null) {
            return null;
        }
        if (token.isBlank()) {
            throw new IllegalArgumentException("the bearer token is empty");
        }
        return token.trim();
    }

    private GuardConfig guardConfig() {
        GuardConfig cfg = config == null ? GuardConfig.defaults() : GuardConfig.load(config);
        return model == null ? cfg
                : new GuardConfig(cfg.policy(), cfg.cache(), cfg.timeout(), cfg.auditRawText(), model.toString());
    }
}
