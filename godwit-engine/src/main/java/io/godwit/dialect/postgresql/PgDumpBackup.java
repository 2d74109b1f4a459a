package io.godwit.dialect.postgresql;

import io.godwit.GodwitException;
import io.godwit.ProgressListener;
import io.godwit.spi.BackupCapable;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A PostgreSQL backup with {@code pg_dump}: one schema, custom format (restorable with
 * {@code pg_restore}), taken in one snapshot by pg_dump itself. The password goes to pg_dump in
 * its environment ({@code PGPASSWORD}), never on its command line, where other users could read it.
 * When pg_dump is not on the PATH the error says so and how to back up instead.
 *
 * <p>To hook it up, {@code PostgresDatabase implements BackupCapable} and delegates its three
 * methods to {@code new PgDumpBackup(url, user, password, schema)}.
 */
public final class PgDumpBackup implements BackupCapable {
    private static final long POLL_MILLIS = 200;

    private final String url;
    private final String user;
    private final String password;
    private final String schema;
    private final String searchPath;

    public PgDumpBackup(String url, String user, String password, String schema) {
        this(url, user, password, schema, System.getenv("PATH"));
    }

    /** @param searchPath the PATH to find pg_dump in */
    PgDumpBackup(String url, String user, String password, String schema, String searchPath) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.schema = schema;
        this.searchPath = searchPath == null ? "" : searchPath;
    }

    @Override
    public String backupFormat() {
        return "pg_dump";
    }

    @Override
    public String backupExtension() {
        return "dump";
    }

    @Override
    public void writeBackup(Path file, ProgressListener progress) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command(pgDump(), file)).redirectErrorStream(true);
        Path log = Files.createTempFile("godwit-pg_dump", ".log");
        pb.redirectOutput(log.toFile());
        Map<String, String> env = pb.environment();
        if (password != null) {
            env.put("PGPASSWORD", password);
        }
        try {
            Process p = pb.start();
            while (!p.waitFor(POLL_MILLIS, TimeUnit.MILLISECONDS)) {
                progress.progress("backup", Files.exists(file) ? Files.size(file) : 0, -1);
            }
            if (p.exitValue() != 0) {
                throw new GodwitException("pg_dump failed with exit code " + p.exitValue() + ": "
                        + Files.readString(log, StandardCharsets.UTF_8).strip());
            }
            progress.progress("backup", Files.size(file), Files.size(file));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while pg_dump ran", e);
        } finally {
            Files.deleteIfExists(log);
        }
    }

    List<String> command(Path pgDump, Path file) {
        List<String> command = new ArrayList<>(List.of(pgDump.toString(), "--format=custom", "--no-password",
                "--schema=" + schema, "--file=" + file, "--dbname=" + libpqUri()));
        if (user != null) {
            command.add("--username=" + user);
        }
        return command;
    }

    /** {@code jdbc:postgresql://host:port/db?sslmode=x} as libpq writes it; JDBC-only parameters are dropped. */
    String libpqUri() {
        String rest = url.substring("jdbc:postgresql:".length());
        int query = rest.indexOf('?');
        String params = query < 0 ? "" : rest.substring(query + 1);
        rest = query < 0 ? rest : rest.substring(0, query);
        String base = rest.startsWith("//") ? "postgresql:" + rest : "postgresql:///" + rest;
        for (String param : params.split("&")) {
            if (param.startsWith("sslmode=")) {
                return base + "?" + param;
            }
        }
        return base;
    }

    private Path pgDump() {
        for (String dir : searchPath.split(File.pathSeparator)) {
            if (!dir.isBlank()) {
                Path candidate = Path.of(dir, "pg_dump");
                if (Files.isExecutable(candidate)) {
                    return candidate;
                }
            }
        }
        throw new GodwitException("pg_dump is not available: Godwit backs up PostgreSQL with pg_dump, and there is none"
                + " on the PATH. Install the PostgreSQL client tools of the server's major version (e.g. postgresql-client-17),"
                + " or back up yourself: `pg_dump --format=custom --schema=" + schema + " --file=FILE DATABASE`,"
                + " or with your provider's snapshots.");
    }
}
