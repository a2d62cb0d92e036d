package dev.alignguard.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.alignguard.core.Guard;
import dev.alignguard.trace.VerdictJson;
import io.micrometer.core.instrument.Counter;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Supplier;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Sends each request to its {@link Route}: checks the method and the bearer token, answers checks, probes,
 * metrics and the OpenAPI document, and turns every {@link Rejection} into a JSON error with its status. Counts
 * responses by route and status. Logs nothing about a request: decisions are in the audit records.
 */
final class Router extends Handler.Abstract {
    private static final String JSON = "application/json";
    private static final String PROMETHEUS = "text/plain; version=0.0.4; charset=utf-8";

    private final BearerToken token;
    private final CheckEndpoint checks;
    private final Supplier<Guard> guard;
    private final PrometheusMeterRegistry registry;
    private final byte[] openApi;
    private final Duration deadline;

    Router(ServerSettings settings, CheckEndpoint checks, Supplier<Guard> guard, PrometheusMeterRegistry registry,
           byte[] openApi) {
        this.token = settings.token() == null ? null : new BearerToken(settings.token());
        this.checks = checks;
        this.guard = guard;
        this.registry = registry;
        this.openApi = openApi;
        this.deadline = settings.deadline();
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        long deadlineNanos = request.getHeadersNanoTime() + deadline.toNanos();
        Route route = Route.at(Request.getPathInContext(request));
        int status;
        try {
            status = dispatch(route, request, response, callback, deadlineNanos);
        } catch (Rejection r) {
            status = reject(r, response, callback);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status = reject(new Rejection(503, "the server is shutting down", 1), response, callback);
        }
        count(route, status);
        return true;
    }

    private int dispatch(Route route, Request request, Response response, Callback callback, long deadlineNanos)
            throws Rejection, InterruptedException {
        if (route == null) {
            throw new Rejection(404, "no such endpoint; the API is described at /openapi.json");
        }
        if (!route.method.equals(request.getMethod())) {
            response.getHeaders().put(HttpHeader.ALLOW, route.method);
            throw new Rejection(405, route.path + " takes " + route.method);
        }
        if (route.authenticated && token != null && !token.accepts(request.getHeaders().get(HttpHeader.AUTHORIZATION))) {
            response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, "Bearer");
            throw new Rejection(401, "a valid bearer token is required (Authorization: Bearer <token>)");
        }
        return switch (route) {
            case CHECK -> json(200, checks.check(ready(), request, deadlineNanos), response, callback);
            case CHECK_BATCH -> json(200, checks.checkBatch(ready(), request, deadlineNanos), response, callback);
            case HEALTH -> json(200, VerdictJson.object().put("status", "up"), response, callback);
            case READY -> readiness(response, callback);
            case METRICS -> send(200, PROMETHEUS, registry.scrape().getBytes(StandardCharsets.UTF_8), response,
                    callback);
            case OPENAPI -> send(200, JSON, openApi, response, callback);
        };
    }

    private Guard ready() throws Rejection {
        Guard g = guard.get();
        if (g == null) {
            throw new Rejection(503, "the model is still loading; retry later", 1);
        }
        return g;
    }

    private int readiness(Response response, Callback callback) throws Rejection {
        Guard g = ready();
        return json(200, VerdictJson.object().put("status", "ready").put("model", g.model().id())
                .put("model_version", g.model().version()), response, callback);
    }

    private int reject(Rejection r, Response response, Callback callback) {
        if (r.retryAfterSeconds() > 0) {
            response.getHeaders().put(HttpHeader.RETRY_AFTER, Integer.toString(r.retryAfterSeconds()));
        }
        if (r.status() == 408 || r.status() == 413) { // the body may be unread (too slow, or too large to drain): close
            response.getHeaders().put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
        }
        return json(r.status(), VerdictJson.object().put("error", r.getMessage()), response, callback);
    }

    private static int json(int status, ObjectNode body, Response response, Callback callback) {
        return send(status, JSON, body.toString().getBytes(StandardCharsets.UTF_8), response, callback);
    }

    private static int send(int status, String type, byte[] body, Response response, Callback callback) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.write(true, ByteBuffer.wrap(body), callback);
        return status;
    }

    private void count(Route route, int status) {
        Counter.builder("alignguard.server.responses").description("HTTP responses of the guard server")
                .tag("route", route == null ? "other" : route.path).tag("status", Integer.toString(status))
                .register(registry).increment();
    }

}
