package dev.alignguard.server;

import dev.alignguard.core.AgentAction;
import dev.alignguard.core.Cause;
import dev.alignguard.core.Guard;
import dev.alignguard.core.GuardContext;
import dev.alignguard.core.Verdict;
import dev.alignguard.micrometer.AlignGuardMetrics;
import dev.alignguard.micrometer.MeteredAuditSink;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Objects;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnectionLimit;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The guard server: an HTTP endpoint (Jetty) in front of one {@link Guard}. It listens as soon as it
 * {@linkplain #start starts} (health checks answer, checks get 503) and checks once it is {@linkplain #ready
 * ready}, so a slow model load is visible to an orchestrator. Every check is audited exactly once, by the
 * guard's audit sink.
 *
 * <pre>{@code
 * try (GuardServer server = GuardServer.start(ServerSettings.defaults())) {
 *     MeteredAuditSink sink = new MeteredAuditSink(new Slf4jAuditSink());
 *     server.ready(Guard.builder().auditSink(sink).build(), sink);
 *     server.join();
 * }
 * }</pre>
 */
public final class GuardServer implements AutoCloseable {
    /** The request id of the readiness self-test's audit record. */
    public static final String SELF_TEST_REQUEST_ID = "alignguard-server-self-test";
    private static final int MAX_CONNECTIONS = 1024;
    private static final long IDLE_TIMEOUT_MS = 30_000;

    private final Server jetty;
    private final ServerConnector connector;
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private volatile Guard guard;

    private GuardServer(ServerSettings settings) {
        int threads = settings.workers() + settings.queue() + 8; // + acceptor, selector, probes and metrics
        jetty = new Server(new QueuedThreadPool(threads, Math.min(threads, 4)));
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        connector = new ServerConnector(jetty, 1, 1, new HttpConnectionFactory(http));
        connector.setHost(settings.bind());
        connector.setPort(settings.port());
        connector.setIdleTimeout(IDLE_TIMEOUT_MS);
        connector.setAcceptQueueSize(MAX_CONNECTIONS);
        jetty.addConnector(connector);
        jetty.addBean(new NetworkConnectionLimit(MAX_CONNECTIONS, jetty));
        Admission admission = new Admission(settings.workers(), settings.queue());
        registry.gauge("alignguard.server.queue.waiting", admission, Admission::waiting);
        jetty.setHandler(new Router(settings, new CheckEndpoint(settings, admission), () -> guard, registry,
                openApiDocument()));
        jetty.setStopTimeout(0); // stop at once: a check cut short ends in a fail-mode verdict, never an allow
    }

    /**
     * Listens on the settings' address and port; checks are answered with 503 until {@link #ready}.
     *
     * @throws IOException when the address cannot be bound
     */
    public static GuardServer start(ServerSettings settings) throws IOException {
        GuardServer server = new GuardServer(Objects.requireNonNull(settings, "settings"));
        try {
            server.jetty.start();
        } catch (Exception e) {
            server.close();
            throw new IOException("cannot listen on " + settings.bind() + ":" + settings.port() + ": " + e.getMessage(), e);
        }
        return server;
    }

    /**
     * Starts answering checks with {@code guard}, once it has passed the readiness self-test: one benign
     * message checked end to end must get a policy verdict (audited with request id
     * {@value #SELF_TEST_REQUEST_ID}). {@code sink} must be (or wrap) the guard's audit sink; its meters and the
     * guard's are published at {@code /metrics}.
     *
     * @throws IllegalStateException when the self-test ends in a fail-mode verdict (the server stays not ready)
     */
    public void ready(Guard guard, MeteredAuditSink sink) {
        new AlignGuardMetrics(guard, sink).bindTo(registry);
        Verdict v = guard.check(AgentAction.message("AlignGuard server readiness self-test: the weekly status "
                + "report is attached."), GuardContext.empty().withRequestId(SELF_TEST_REQUEST_ID));
        if (v.cause() != Cause.POLICY) {
            throw new IllegalStateException("the readiness self-test ended with cause " + v.cause() + ": "
                    + v.warnings());
        }
        this.guard = guard;
    }

    /** The port the server listens on (the one chosen when the settings asked for 0). */
    public int port() {
        return connector.getLocalPort();
    }

    /** {@code http://host:port}, the base of every endpoint. */
    public URI uri() {
        String host = connector.getHost().contains(":") ? "[" + connector.getHost() + "]" : connector.getHost();
        return URI.create("http://" + host + ":" + port());
    }

    /** Blocks until the server stops. */
    public void join() throws InterruptedException {
        jetty.join();
    }

    /** Stops listening and ends open connections at once. Does not close the guard. */
    @Override
    public void close() {
        try {
            jetty.stop();
        } catch (Exception e) {
            throw new IllegalStateException("the HTTP server did not stop cleanly: " + e.getMessage(), e);
        } finally {
            registry.close();
        }
    }

    private static byte[] openApiDocument() {
        try (InputStream in = GuardServer.class.getResourceAsStream("openapi.json")) {
            if (in == null) {
                throw new IllegalStateException("openapi.json is missing from the guard-server jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
