package dev.alignguard.server;

/** The server's endpoints: method, path, and whether the bearer token (when one is set) is required. */
enum Route {
    CHECK("POST", "/v1/check", true),
    CHECK_BATCH("POST", "/v1/check/batch", true),
    HEALTH("GET", "/healthz", false),
    READY("GET", "/readyz", false),
    METRICS("GET", "/metrics", true),
    OPENAPI("GET", "/openapi.json", false);

    final String method;
    final String path;
    final boolean authenticated;

    Route(String method, String path, boolean authenticated) {
        this.method = method;
        this.path = path;
        this.authenticated = authenticated;
    }

    /** The route at {@code path}, or null. */
    static Route at(String path) {
        for (Route r : values()) {
            if (r.path.equals(path)) {
                return r;
            }
        }
        return null;
    }
}
