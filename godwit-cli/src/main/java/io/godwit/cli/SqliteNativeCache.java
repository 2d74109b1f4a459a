package io.godwit.cli;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * SQLite's native library, extracted once into a stable cache instead of by every process. Left
 * to itself, sqlite-jdbc starts a process ({@code uname -o}) to detect the OS and writes, compares
 * and loads a fresh copy of the library in the temp folder at each start: about a third of a cold
 * {@code godwit validate}. Here the library is copied, once per driver version and platform, to
 * {@code <cache>/sqlite-jdbc/<version>/<platform>/} (published by an atomic rename, checked by
 * size on every start), and the driver is told to load it from there. Anything unusual (a
 * platform not listed here, musl, an unwritable cache, a path the user set) leaves the driver to
 * do as it always does.
 */
final class SqliteNativeCache {
    static final String PATH_PROPERTY = "org.sqlite.lib.path";
    static final String NAME_PROPERTY = "org.sqlite.lib.name";

    private SqliteNativeCache() {
    }

    /**
     * Called by {@code main} before anything opens a database; sets the driver's two properties.
     * Not for a command on PostgreSQL ({@code --url}) that reads no SQLite file: all but
     * {@code import}, whose source may be a Chroma {@code chroma.sqlite3}.
     */
    static void install(Map<String, String> environment, String[] args) {
        if (System.getProperty(PATH_PROPERTY) != null || onPostgresqlOnly(args)) {
            return;
        }
        String platform = platform();
        String version = driverVersion();
        if (platform == null || version == null) {
            return;
        }
        try {
            String name = System.mapLibraryName("sqlitejdbc");
            URL resource = SqliteNativeCache.class.getResource("/org/sqlite/native/" + platform + "/" + name);
            if (resource == null) {
                return;
            }
            Path folder = CacheFolder.of(environment).resolve("sqlite-jdbc").resolve(version).resolve(platform);
            Path library = folder.resolve(name);
            long size = resource.openConnection().getContentLengthLong();
            if (!Files.isRegularFile(library) || Files.size(library) != size) {
                extract(resource, folder, library);
            }
            System.setProperty(PATH_PROPERTY, folder.toString());
            System.setProperty(NAME_PROPERTY, name);
        } catch (IOException | RuntimeException e) {
            // No cache: the driver extracts its library to the temp folder, as without one.
        }
    }

    static boolean onPostgresqlOnly(String[] args) {
        boolean postgresql = false;
        for (String a : args) {
            if (a.equals("import") || a.equals("import-legacy")) {
                return false;
            }
            postgresql |= a.startsWith("jdbc:postgresql:") || a.startsWith("--url=jdbc:postgresql:");
        }
        return postgresql;
    }

    private static void extract(URL resource, Path folder, Path library) throws IOException {
        Files.createDirectories(folder);
        Path temp = Files.createTempFile(folder, "extracting-", ".tmp");
        try (InputStream in = resource.openStream()) {
            Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
            Files.move(temp, library, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** sqlite-jdbc's folder name for this platform, for the platforms it is sure of without a process. */
    private static String platform() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        String cpu = arch.equals("amd64") || arch.equals("x86_64") ? "x86_64" : arch.equals("aarch64") ? "aarch64" : null;
        if (cpu == null || System.getProperty("java.vm.vendor", "").contains("Android")) {
            return null;
        }
        if (os.startsWith("linux")) {
            return muslOrAndroid() ? null : "Linux/" + cpu;
        }
        if (os.startsWith("mac")) {
            return "Mac/" + cpu;
        }
        return os.startsWith("windows") && cpu.equals("x86_64") ? "Windows/x86_64" : null;
    }

    /**
     * sqlite-jdbc has other folders (Linux-Musl, Linux-Android) for these, which it tells apart by
     * probing. musl's loader is {@code /lib/ld-musl-<arch>.so.1}; named, not globbed, since a glob
     * costs a cold JVM a regular expression and its method handles.
     */
    private static boolean muslOrAndroid() {
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT).equals("aarch64") ? "aarch64" : "x86_64";
        return Files.exists(Path.of("/lib/ld-musl-" + arch + ".so.1")) || Files.exists(Path.of("/system/bin/app_process"));
    }

    /** A character of {@code [0-9A-Za-z._-]}: safe in a folder name. */
    private static boolean plain(int c) {
        return c < 128 && (Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '-');
    }

    private static String driverVersion() {
        try (InputStream in = SqliteNativeCache.class.getResourceAsStream("/META-INF/maven/org.xerial/sqlite-jdbc/pom.properties")) {
            if (in == null) {
                return null;
            }
            Properties p = new Properties();
            p.load(in);
            String version = p.getProperty("version");
            return version != null && !version.isEmpty() && version.chars().allMatch(SqliteNativeCache::plain) ? version : null;
        } catch (IOException e) {
            return null;
        }
    }
}
