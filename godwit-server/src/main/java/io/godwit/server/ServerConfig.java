package io.godwit.server;

/**
 * How {@code godwit run} listens, immutable. Reads nothing from the environment: the command line
 * resolves {@code --auth-token-env} / {@code GODWIT_SERVER_AUTH_TOKEN} into {@link #authToken}.
 *
 * @param host                 address to listen on; default {@code 127.0.0.1}
 * @param port                 port; {@code 0} picks a free one; default 8000 (Chroma's)
 * @param threads              requests served at once; default {@link #defaultThreads()}
 * @param maxBodyBytes         the largest request body accepted (413 above); default 40 MiB, as Chroma
 * @param authToken            the token every route but heartbeat needs; null: none
 * @param allowUnauthenticated allow a non-loopback address without a token (refused otherwise)
 */
public record ServerConfig(String host, int port, int threads, long maxBodyBytes, String authToken,
                           boolean allowUnauthenticated) {
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 8000;
    public static final long DEFAULT_MAX_BODY_BYTES = 40L << 20;

    public ServerConfig {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be within 0..65535, got " + port);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        if (maxBodyBytes < 1024) {
            throw new IllegalArgumentException("maxBodyBytes must be at least 1024, got " + maxBodyBytes);
        }
        if (authToken != null && authToken.isEmpty()) {
            throw new IllegalArgumentException("authToken must not be empty");
        }
    }

    public static ServerConfig defaults() {
        return new ServerConfig(DEFAULT_HOST, DEFAULT_PORT, defaultThreads(), DEFAULT_MAX_BODY_BYTES, null, false);
    }

    /** Enough threads that slow writers never starve readers: 4 per core, at least 16. */
    public static int defaultThreads() {
        return Math.max(16, 4 * Runtime.getRuntime().availableProcessors());
    }

    public ServerConfig withHost(String value) {
        return new ServerConfig(value, port, threads, maxBodyBytes, authToken, allowUnauthenticated);
    }

    public ServerConfig withPort(int value) {
        return new ServerConfig(host, value, threads, maxBodyBytes, authToken, allowUnauthenticated);
    }

    public ServerConfig withThreads(int value) {
        return new ServerConfig(host, port, value, maxBodyBytes, authToken, allowUnauthenticated);
    }

    public ServerConfig withMaxBodyBytes(long value) {
        return new ServerConfig(host, port, threads, value, authToken, allowUnauthenticated);
    }

    public ServerConfig withAuthToken(String value) {
        return new ServerConfig(host, port, threads, maxBodyBytes, value, allowUnauthenticated);
    }

    public ServerConfig withAllowUnauthenticated(boolean value) {
        return new ServerConfig(host, port, threads, maxBodyBytes, authToken, value);
    }
}
