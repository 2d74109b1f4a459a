package io.godwit.cli;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the command keeps what it can rebuild (the SQLite native library; bin/godwit's
 * class-data-sharing archives): {@code GODWIT_CACHE_DIR}, else {@code $XDG_CACHE_HOME/godwit},
 * else {@code ~/.cache/godwit}. The same rule as bin/godwit's.
 */
final class CacheFolder {
    private CacheFolder() {
    }

    static Path of(Map<String, String> environment) {
        String own = environment.get("GODWIT_CACHE_DIR");
        if (own != null && !own.isBlank()) {
            return Path.of(own);
        }
        String xdg = environment.get("XDG_CACHE_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache")).resolve("godwit");
    }
}
