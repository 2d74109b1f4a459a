package io.godwit.server;

import io.godwit.store.Settings;

import java.util.Objects;

/**
 * Everything a server needs to start, checked once. Only what the caller passes counts: the
 * environment's {@code GODWIT_MIGRATIONS*} variables reach the store only through
 * {@link Settings#withEnvironment}, which the command line's main does and tests do not.
 *
 * @param host     the address to listen on; loopback by default, since the API has no authentication
 * @param port     the port; 0 picks a free one ({@link GodwitServer#port()} tells which)
 * @param threads  requests handled at once (the store itself serves one at a time)
 * @param store    where the data lives
 * @param settings how the store is opened: migration mode, hash algorithm, environment
 */
public record ServerConfig(String host, int port, int threads, StoreLocation store, Settings settings) {
    public static final String DEFAULT_HOST = "127.0.0.1";
    /** Chroma's port. */
    public static final int DEFAULT_PORT = 8000;
    public static final int DEFAULT_THREADS = 4;

    public ServerConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(settings, "settings");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be between 0 and 65535, not " + port);
        }
        if (threads < 1 || threads > 256) {
            throw new IllegalArgumentException("threads must be between 1 and 256, not " + threads);
        }
    }

    /** The store on the default host and port, with default settings. */
    public static ServerConfig of(StoreLocation store) {
        return new ServerConfig(DEFAULT_HOST, DEFAULT_PORT, DEFAULT_THREADS, store, Settings.defaults());
    }

    public ServerConfig withHost(String value) {
        return new ServerConfig(value, port, threads, store, settings);
    }

    public ServerConfig withPort(int value) {
        return new ServerConfig(host, value, threads, store, settings);
    }

    public ServerConfig withThreads(int value) {
        return new ServerConfig(host, port, value, store, settings);
    }

    public ServerConfig withSettings(Settings value) {
        return new ServerConfig(host, port, threads, store, value);
    }
}
