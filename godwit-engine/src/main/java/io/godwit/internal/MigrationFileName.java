package io.godwit.internal;

import io.godwit.MigrationSourceException;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed migration file name, {@code <version>-<description>.<scope>.sql}, e.g.
 * {@code 00003-collection-dimension.sqlite.sql}, or a repeatable one,
 * {@code R-<description>.<scope>.sql} (version 0). The description is everything between the
 * first dash and the scope.
 */
public record MigrationFileName(int version, String description, String scope, String filename) {

    private static final Pattern NAME = Pattern.compile("(\\d+)-(.+)\\.([A-Za-z0-9_]+)\\.sql");
    private static final Pattern REPEATABLE = Pattern.compile("R-(.+)\\.([A-Za-z0-9_]+)\\.sql");

    public boolean repeatable() {
        return version == 0;
    }

    /** True for the files a source's folder is searched for; others are ignored. */
    public static boolean isSql(String filename) {
        return filename.endsWith(".sql");
    }

    /** Parses a {@code .sql} file name; one that does not parse is an error naming it. */
    public static MigrationFileName parse(String subsystem, String filename) {
        Matcher r = REPEATABLE.matcher(filename);
        if (r.matches()) {
            return new MigrationFileName(0, r.group(1), r.group(2), filename);
        }
        Matcher m = NAME.matcher(filename);
        if (!m.matches()) {
            throw new MigrationSourceException("Bad migration file name " + subsystem + "/" + filename
                    + ": expected <version>-<description>.<scope>.sql (e.g. 00001-collections.sqlite.sql)"
                    + " or R-<description>.<scope>.sql for a repeatable migration");
        }
        int version;
        try {
            version = Integer.parseInt(m.group(1));
        } catch (NumberFormatException e) {
            throw new MigrationSourceException("Bad migration file name " + subsystem + "/" + filename
                    + ": version " + m.group(1) + " is too large");
        }
        if (version < 1) {
            throw new MigrationSourceException("Bad migration file name " + subsystem + "/" + filename
                    + ": versions start at 00001");
        }
        return new MigrationFileName(version, m.group(2), m.group(3), filename);
    }
}
