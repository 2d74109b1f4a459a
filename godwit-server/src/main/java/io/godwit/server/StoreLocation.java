package io.godwit.server;

import io.godwit.store.Settings;
import io.godwit.store.GodwitClient;

import java.nio.file.Path;
import java.util.Objects;

/** Where the server's store lives: a persist directory (SQLite), or a database by JDBC URL (PostgreSQL). */
public sealed interface StoreLocation {

    /** Opens the store, migrating it in the settings' mode first; the engine's errors pass through unchanged. */
    GodwitClient open(Settings settings);

    /** A persist directory holding {@code godwit.sqlite3}, created when missing. */
    record Directory(Path path) implements StoreLocation {
        public Directory {
            Objects.requireNonNull(path, "path");
        }

        @Override
        public GodwitClient open(Settings settings) {
            return GodwitClient.persistent(path, settings);
        }
    }

    /**
     * A database by JDBC URL: PostgreSQL ({@code jdbc:postgresql://host:port/db}), or a SQLite file
     * ({@code jdbc:sqlite:FILE}, which ignores user and password). The password never appears in
     * {@link #toString()}, nor do URL parameters (which may hold one).
     */
    record Url(String url, String user, String password) implements StoreLocation {
        public Url {
            Objects.requireNonNull(url, "url");
        }

        @Override
        public GodwitClient open(Settings settings) {
            return GodwitClient.postgres(url, user, password, settings);
        }

        @Override
        public String toString() {
            return "Url[url=" + url.replaceAll("\\?.*", "") + ", user=" + user + "]";
        }
    }
}
