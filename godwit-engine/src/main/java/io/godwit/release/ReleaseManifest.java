package io.godwit.release;

import io.godwit.GodwitException;
import io.godwit.MigrationSourceException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which release introduced each migration file, and, for releases that shipped, the SHA-256 of the
 * file's text as it shipped (the engine's normalized text: BOM dropped, carriage returns removed).
 * One line per file, tab-separated, {@code #} starts a comment:
 * <pre>
 * # release  subsystem  version  file                           sha256
 * 0.1.0      sysdb      1        00001-collections.sqlite.sql   0f3a...
 * </pre>
 * A file the manifest does not list belongs to the release being built. A release under way may
 * list its files with {@code -} for the hash; a shipped one records every hash, so that a later
 * change to a shipped file is caught ({@link ReleasePolicy}).
 */
public final class ReleaseManifest {

    /** One file: {@code sha256} is null when not recorded (a release under way). */
    public record Entry(Release release, String subsystem, int version, String file, String sha256) {
        String line() {
            return release + "\t" + subsystem + "\t" + version + "\t" + file + "\t" + (sha256 == null ? "-" : sha256);
        }
    }

    private final String location;
    private final List<Entry> entries;

    private ReleaseManifest(String location, List<Entry> entries) {
        this.location = location;
        this.entries = List.copyOf(entries);
    }

    public static ReleaseManifest empty(String location) {
        return new ReleaseManifest(location, List.of());
    }

    public static ReleaseManifest read(Path file) {
        try {
            return parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new MigrationSourceException("Cannot read release manifest " + file + ": " + e.getMessage());
        }
    }

    /** A manifest in the class path, e.g. beside a jar's migration folders. */
    public static ReleaseManifest classpath(String resource, ClassLoader loader) {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new MigrationSourceException("Release manifest classpath:" + resource + " is missing from the class path");
            }
            return parse("classpath:" + resource, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new MigrationSourceException("Cannot read release manifest classpath:" + resource + ": " + e.getMessage());
        }
    }

    /** Parses the text; a malformed line is a bad source naming the manifest and the line. */
    public static ReleaseManifest parse(String location, String text) {
        List<Entry> entries = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            try {
                entries.add(entry(line));
            } catch (RuntimeException e) {
                throw new MigrationSourceException("Bad line " + (i + 1) + " in release manifest " + location + ": '" + line
                        + "' (" + e.getMessage() + "). Expected: RELEASE, SUBSYSTEM, VERSION, FILE, SHA256 or -, separated by tabs");
            }
        }
        return new ReleaseManifest(location, entries);
    }

    private static Entry entry(String line) {
        String[] f = line.split("\t");
        if (f.length != 5) {
            throw new GodwitException(f.length + " fields");
        }
        String hash = f[4].strip();
        if (!hash.equals("-") && !hash.matches("[0-9a-f]{64}")) {
            throw new GodwitException("not a lowercase hex SHA-256: " + hash);
        }
        return new Entry(Release.parse(f[0]), f[1].strip(), Integer.parseInt(f[2].strip()), f[3].strip(),
                hash.equals("-") ? null : hash);
    }

    public String location() {
        return location;
    }

    public List<Entry> entries() {
        return entries;
    }

    public List<Entry> entries(String subsystem) {
        return entries.stream().filter(e -> e.subsystem().equals(subsystem)).toList();
    }

    public Optional<Entry> entry(String subsystem, String file) {
        return entries.stream().filter(e -> e.subsystem().equals(subsystem) && e.file().equals(file)).findFirst();
    }

    /** The release that introduced that version of the subsystem, if the manifest lists it. */
    public Optional<Release> introducedBy(String subsystem, int version) {
        return entries.stream().filter(e -> e.subsystem().equals(subsystem) && e.version() == version)
                .map(Entry::release).findFirst();
    }
}
