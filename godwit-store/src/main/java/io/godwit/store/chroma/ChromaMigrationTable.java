package io.godwit.store.chroma;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Which migration files (by subsystem, version, name and hash) each Chroma release shipped: the
 * table {@code chroma-migrations.tsv} beside this class, computed from Chroma's repository by
 * {@code godwit-store/chroma-history/hash-chroma-migrations.sh} (it holds hashes only, none of
 * Chroma's files). Loaded once; immutable.
 */
final class ChromaMigrationTable {
    private static final String RESOURCE = "chroma-migrations.tsv";

    /**
     * One file as some releases shipped it: from {@code first} to {@code last}, indexes into
     * {@link #releases()}, both included.
     */
    record ShippedFile(String dir, int version, String filename, String md5, String sha256, int first, int last) {
        boolean shippedIn(int release) {
            return first <= release && release <= last;
        }

        boolean hashes(String hash) {
            return md5.equalsIgnoreCase(hash) || sha256.equalsIgnoreCase(hash);
        }
    }

    private final List<String> releases;
    private final List<ShippedFile> files;

    private ChromaMigrationTable(List<String> releases, List<ShippedFile> files) {
        this.releases = List.copyOf(releases);
        this.files = List.copyOf(files);
    }

    static ChromaMigrationTable load() {
        try (InputStream in = ChromaMigrationTable.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the godwit-store jar");
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }

    static ChromaMigrationTable parse(List<String> lines) {
        List<String> releases = new ArrayList<>();
        List<ShippedFile> files = new ArrayList<>();
        for (String line : lines) {
            String[] f = line.split("\t");
            if (f[0].equals("releases")) {
                releases.addAll(Arrays.asList(f[1].split(" ")));
            } else if (f[0].equals("file")) {
                files.add(new ShippedFile(f[1], Integer.parseInt(f[2]), f[3], f[4], f[5],
                        releases.indexOf(f[6]), releases.indexOf(f[7])));
            }
        }
        return new ChromaMigrationTable(releases, files);
    }

    /** Every release read, oldest first. */
    List<String> releases() {
        return releases;
    }

    /** Every file of every release. */
    List<ShippedFile> files() {
        return files;
    }

    boolean newest(int release) {
        return release == releases.size() - 1;
    }

    /** True when some release shipped a file of this subsystem, version and name. */
    boolean knowsName(String dir, int version, String filename) {
        return files.stream().anyMatch(f -> f.dir().equals(dir) && f.version() == version && f.filename().equals(filename));
    }

    /** The file of this name with this hash (md5 or sha256), if some release shipped it. */
    Optional<ShippedFile> find(String dir, int version, String filename, String hash) {
        return files.stream().filter(f -> f.dir().equals(dir) && f.version() == version
                && f.filename().equals(filename) && f.hashes(hash)).findFirst();
    }

    /** The files one release shipped, by subsystem and version ("dir/version"). */
    List<String> shippedBy(int release) {
        return files.stream().filter(f -> f.shippedIn(release)).map(f -> f.dir() + "/" + f.version()).sorted().toList();
    }
}
