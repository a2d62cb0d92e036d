package dev.alignguard.server;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/** The shared secret clients send as {@code Authorization: Bearer <token>}, compared in constant time. */
final class BearerToken {
    private static final String SCHEME = "bearer ";

    private final byte[] expected;

    BearerToken(String token) {
        this.expected = token.getBytes(StandardCharsets.UTF_8);
    }

    /** Whether an {@code Authorization} header value (null when absent) carries this token. */
    boolean accepts(String authorization) {
        if (authorization == null || authorization.length() < SCHEME.length()
                || !authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return false;
        }
        byte[] given = authorization.substring(SCHEME.length()).trim().getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(expected, given);
    }
}
