package io.godwit.server;

import com.sun.net.httpserver.Headers;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The token check, as Chroma's token provider: {@code Authorization: Bearer T} or
 * {@code X-Chroma-Token: T}. Tokens are compared as SHA-256 digests with
 * {@link MessageDigest#isEqual}, in constant time, so neither the bytes nor the length of the
 * configured token leak through timing. Without a token every request passes.
 */
final class Auth {
    private final byte[] expected;

    private Auth(byte[] expected) {
        this.expected = expected;
    }

    static Auth none() {
        return new Auth(null);
    }

    static Auth token(String token) {
        return token == null ? none() : new Auth(digest(token));
    }

    boolean enabled() {
        return expected != null;
    }

    /** ApiError 401 unless a configured token is given. */
    void check(Headers headers) {
        if (expected == null) {
            return;
        }
        String given = headers.getFirst("X-Chroma-Token");
        String authorization = headers.getFirst("Authorization");
        if (given == null && authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            given = authorization.substring(7).trim();
        }
        if (given == null || !MessageDigest.isEqual(expected, digest(given))) {
            throw ApiError.unauthorized();
        }
    }

    private static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
