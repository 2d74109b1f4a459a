package io.godwit.cli;

import io.godwit.GodwitConfiguration;
import io.godwit.GodwitException;
import io.godwit.store.importer.ChromaLayout;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Which database a command works on, shared by every command as a picocli mixin: a persist
 * directory (the default, {@code ./godwit_data}), a SQLite file (a Chroma {@code chroma.sqlite3}
 * too), or a JDBC URL. The password is read only from the environment, so that it never shows in
 * a process list or a shell history, and it is never printed. A persist directory that holds a
 * Chroma layout instead of a Godwit store is refused with the import command, before anything is
 * opened or created.
 */
public final class DatabaseOptions {
    static final Path DEFAULT_PATH = Path.of("godwit_data");
    static final String DATABASE_FILE = "godwit.sqlite3";
    static final String DEFAULT_PASSWORD_VARIABLE = "PGPASSWORD";

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--path", paramLabel = "DIR",
            description = "Persist directory, holding the database file " + DATABASE_FILE + " (default: ./godwit_data).")
    Path path;

    @Option(names = "--db", paramLabel = "FILE", description = "A SQLite database file, e.g. a Chroma chroma.sqlite3.")
    Path file;

    @Option(names = "--url", paramLabel = "JDBC_URL",
            description = "A database by JDBC URL, PostgreSQL (jdbc:postgresql:...) or SQLite (jdbc:sqlite:FILE).")
    String url;

    @Option(names = "--user", paramLabel = "USER", description = "Database user (with --url).")
    String user;

    @Option(names = "--password-env", paramLabel = "VAR",
            description = "Environment variable that holds the password (with --url; default: PGPASSWORD).")
    String passwordVariable;

    @Option(names = "--schema", paramLabel = "SCHEMA", description = "PostgreSQL schema (with --url; default: public).")
    String schema;

    /** Points the builder at the chosen database; bad combinations are usage errors (exit 2). */
    void applyTo(GodwitConfiguration.Builder builder, Map<String, String> environment) {
        if (Stream.of(path, file, url).filter(o -> o != null).count() > 1) {
            throw usage("Use only one of --path, --db and --url");
        }
        if (url == null && (user != null || passwordVariable != null || schema != null)) {
            throw usage("--user, --password-env and --schema go with --url");
        }
        if (url != null) {
            builder.url(url).user(user).schema(schema).password(password(environment));
        } else if (file != null) {
            if (Files.isDirectory(file)) {
                throw usage("--db " + file + " is a folder, not a database file: --db takes a SQLite file (e.g. "
                        + file.resolve("chroma.sqlite3") + "); for a persist directory, use --path " + file);
            }
            builder.sqlite(file);
        } else {
            if (path != null && Files.exists(path) && !Files.isDirectory(path)) {
                throw usage("--path " + path + " is a file, not a folder: --path takes the persist directory that holds "
                        + DATABASE_FILE + " (created if missing); for a database file, use --db " + path);
            }
            Path dir = path == null ? DEFAULT_PATH : path;
            if (!Files.exists(dir.resolve(DATABASE_FILE))) {
                ChromaLayout.refusal(dir).ifPresent(message -> {
                    throw new GodwitException(message);
                });
            }
            builder.sqlite(dir.resolve(DATABASE_FILE));
        }
    }

    private String password(Map<String, String> environment) {
        if (passwordVariable == null) {
            return environment.get(DEFAULT_PASSWORD_VARIABLE);
        }
        String password = environment.get(passwordVariable);
        if (password == null) {
            throw usage("The environment variable " + passwordVariable + " named by --password-env is not set");
        }
        return password;
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
