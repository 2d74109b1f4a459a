package io.godwit.backup;

import io.godwit.BackupIntegrityError;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The file beside a backup, {@code <backup>.manifest}, that says what the backup is: a Java
 * properties file (readable by people and by any tool, and needing no JSON library in the engine).
 * Written last, after the backup's bytes are durable, so a backup without a manifest is an
 * unfinished one and is never restored.
 *
 * <pre>
 * godwit.manifest=1
 * format=sqlite
 * file=godwit-20250101T120000123Z-before-migrate.sqlite3
 * size=1048576
 * sha256=9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08
 * created=2025-01-01T12:00:00.123Z
 * godwit.version=0.1.0
 * database=/srv/godwit_data/godwit.sqlite3
 * kind=before-migrate
 * history.hash_algorithm=md5
 * subsystem.sysdb=6
 * subsystem.metadb=4
 * </pre>
 *
 * @param file          the backup's file name (no folders): the manifest travels with it
 * @param hashAlgorithm the algorithm of the history in the backup; null when it has none or mixes
 * @param versions      the newest applied version of every subsystem in the backup
 */
public record BackupManifest(String format, String file, long size, String sha256, Instant created,
                             String godwitVersion, String database, BackupKind kind, String hashAlgorithm,
                             Map<String, Integer> versions) {
    public static final String SUFFIX = ".manifest";
    private static final String VERSION_PREFIX = "subsystem.";

    public BackupManifest {
        versions = Map.copyOf(versions);
    }

    public static Path pathOf(Path backup) {
        return backup.resolveSibling(backup.getFileName() + SUFFIX);
    }

    /** Reads the manifest beside {@code backup}; a missing or malformed one refuses the backup. */
    public static BackupManifest read(Path backup) {
        Path path = pathOf(backup);
        String text;
        try {
            text = Files.readString(path);
        } catch (NoSuchFileException e) {
            throw new BackupIntegrityError(backup, "it has no manifest, so it is not a finished Godwit backup",
                    path.getFileName().toString(), "no such file");
        } catch (IOException e) {
            throw new BackupIntegrityError(backup, "its manifest cannot be read", path.toString(), e.getMessage());
        }
        try {
            return parse(text);
        } catch (RuntimeException e) {
            throw new BackupIntegrityError(backup, "its manifest is malformed", "godwit.manifest=1 with every field",
                    String.valueOf(e.getMessage()));
        }
    }

    static BackupManifest parse(String text) throws IllegalArgumentException {
        Properties p = new Properties();
        try (Reader r = new StringReader(text)) {
            p.load(r);
        } catch (IOException e) {
            throw new IllegalArgumentException(e);
        }
        if (!"1".equals(p.getProperty("godwit.manifest"))) {
            throw new IllegalArgumentException("godwit.manifest=" + p.getProperty("godwit.manifest"));
        }
        Map<String, Integer> versions = new TreeMap<>();
        for (String key : p.stringPropertyNames()) {
            if (key.startsWith(VERSION_PREFIX)) {
                versions.put(key.substring(VERSION_PREFIX.length()), Integer.parseInt(p.getProperty(key)));
            }
        }
        return new BackupManifest(required(p, "format"), required(p, "file"), Long.parseLong(required(p, "size")),
                required(p, "sha256"), Instant.parse(required(p, "created")), required(p, "godwit.version"),
                required(p, "database"), BackupKind.parse(required(p, "kind")), p.getProperty("history.hash_algorithm"),
                versions);
    }

    /** The manifest's text, fields in a fixed order so that people can read and diff it. */
    public String toText() {
        StringBuilder s = new StringBuilder("# Godwit backup manifest: do not edit; restore checks the file against it.\n");
        line(s, "godwit.manifest", "1");
        line(s, "format", format);
        line(s, "file", file);
        line(s, "size", Long.toString(size));
        line(s, "sha256", sha256);
        line(s, "created", created.toString());
        line(s, "godwit.version", godwitVersion);
        line(s, "database", database);
        line(s, "kind", kind.label());
        if (hashAlgorithm != null) {
            line(s, "history.hash_algorithm", hashAlgorithm);
        }
        new TreeMap<>(versions).forEach((name, version) -> line(s, VERSION_PREFIX + name, Integer.toString(version)));
        return s.toString();
    }

    /** Writes the manifest beside {@code backup}: temporary name, fsync, rename. */
    public void write(Path backup) throws IOException {
        DurableFiles.writeString(pathOf(backup), toText());
    }

    private static String required(Properties p, String key) {
        String value = p.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("missing " + key);
        }
        return value;
    }

    private static void line(StringBuilder s, String key, String value) {
        s.append(key).append('=').append(escape(value)).append('\n');
    }

    /** Escapes what {@link Properties#load} would otherwise read differently. */
    private static String escape(String value) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            switch (ch) {
                case '\\': s.append("\\\\"); break;
                case '\n': s.append("\\n"); break;
                case '\r': s.append("\\r"); break;
                case '\t': s.append("\\t"); break;
                case ' ': s.append(i == 0 ? "\\ " : " "); break;
                default: s.append(ch);
            }
        }
        return s.toString();
    }
}
