package io.godwit.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * One migration set written out in each tool's own file naming, plus the shell's scripts:
 * <pre>
 * ROOT/godwit-sqlite/SUBSYSTEM/00001-create-table-1.sqlite.sql   (and godwit-postgresql/...)
 * ROOT/flyway/SUBSYSTEM/V1__create-table-1.sql                    (one version sequence for all)
 * ROOT/liquibase/changelog.xml + SUBSYSTEM/00001-create-table-1.sql  (formatted SQL changesets)
 * ROOT/shell-sqlite.sql, ROOT/shell-postgresql.sql                 (all statements, one transaction)
 * ROOT/shell-history-*.sql                                         (the same plus a history table)
 * </pre>
 */
public record Fixture(Path root, MigrationSet set, List<Dialect> dialects) {

    public static final String LIQUIBASE_CHANGELOG = "changelog.xml";
    private static final String COMPLETE = ".complete";

    /**
     * Writes the set under {@code root} for the given dialects, unless an earlier run left the
     * same set there complete (the files are deterministic, and 100,000 of them take a while).
     */
    public static Fixture write(Path root, MigrationSet set, List<Dialect> dialects) {
        Fixture f = new Fixture(root.toAbsolutePath().normalize(), set, List.copyOf(dialects));
        String signature = set.name() + " " + set.size() + " " + dialects + " v1";
        try {
            Path marker = f.root.resolve(COMPLETE);
            if (Files.isRegularFile(marker) && Files.readString(marker).equals(signature)) {
                return f;
            }
            Cleanup.deleteTree(f.root);
            f.writeAll();
            Files.writeString(marker, signature);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return f;
    }

    public Path godwitDir(Dialect dialect, String subsystem) {
        return root.resolve("godwit-" + dialect.scope()).resolve(subsystem);
    }

    public List<Path> flywayDirs() {
        return set.subsystems().stream().map(s -> root.resolve("flyway").resolve(s)).toList();
    }

    public Path liquibaseDir() {
        return root.resolve("liquibase");
    }

    /** All statements for the shell in one transaction; with {@code history}, plus a history table. */
    public Path shellScript(Dialect dialect, boolean history) {
        return root.resolve("shell-" + (history ? "history-" : "") + dialect.scope() + ".sql");
    }

    private void writeAll() throws IOException {
        StringBuilder changelog = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8"?>
                <databaseChangeLog xmlns="http://www.liquibase.org/xml/ns/dbchangelog"
                    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                    xsi:schemaLocation="http://www.liquibase.org/xml/ns/dbchangelog http://www.liquibase.org/xml/ns/dbchangelog/dbchangelog-latest.xsd">
                """);
        StringBuilder statements = new StringBuilder();
        StringBuilder history = new StringBuilder("CREATE TABLE history (subsystem TEXT NOT NULL, version INTEGER NOT NULL,"
                + " filename TEXT NOT NULL, checksum TEXT NOT NULL, PRIMARY KEY (subsystem, version));\n");
        for (MigrationSet.Step s : set.steps()) {
            String base = String.format("%05d-%s", s.version(), s.description());
            for (Dialect d : dialects) {
                write(godwitDir(d, s.subsystem()).resolve(base + "." + d.scope() + ".sql"), s.text());
            }
            write(root.resolve("flyway").resolve(s.subsystem()).resolve("V" + s.global() + "__" + s.description() + ".sql"), s.text());
            write(liquibaseDir().resolve(s.subsystem()).resolve(base + ".sql"),
                    "--liquibase formatted sql\n\n--changeset bench:" + s.subsystem() + "-" + s.version() + "\n" + s.text());
            changelog.append("  <include file=\"").append(s.subsystem()).append('/').append(base)
                    .append(".sql\" relativeToChangelogFile=\"true\"/>\n");
            statements.append(s.sql()).append(";\n");
            history.append("INSERT INTO history VALUES ('").append(s.subsystem()).append("', ").append(s.version())
                    .append(", '").append(base).append(".sql', '").append(md5(s.text())).append("');\n");
        }
        write(liquibaseDir().resolve(LIQUIBASE_CHANGELOG), changelog.append("</databaseChangeLog>\n").toString());
        // sqlite3 reads the script as is: the transaction is written out; psql -1 adds its own.
        write(shellScript(Dialect.SQLITE, false), "BEGIN;\n" + statements + "COMMIT;\n");
        write(shellScript(Dialect.SQLITE, true), "BEGIN;\n" + statements + history + "COMMIT;\n");
        write(shellScript(Dialect.POSTGRESQL, false), statements.toString());
        write(shellScript(Dialect.POSTGRESQL, true), statements.toString() + history);
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private static String md5(String text) {
        try {
            byte[] d = MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8));
            return String.format("%032x", new BigInteger(1, d));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
