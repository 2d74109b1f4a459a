package io.godwit.contract;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** A subsystem folder on disk that a test fills with migration files of one scope. */
public final class MigrationFolder {
    private final Path dir;
    private final String scope;

    public MigrationFolder(Path dir, String scope) {
        this.dir = dir;
        this.scope = scope;
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path dir() {
        return dir;
    }

    /** Writes {@code <version>-<name>.<scope>.sql} and returns its path. */
    public Path add(int version, String name, String sql) {
        return write(String.format("%05d-%s.%s.sql", version, name, scope), sql);
    }

    public Path write(String filename, String text) {
        try {
            return Files.writeString(dir.resolve(filename), text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void remove(String filename) {
        try {
            Files.delete(dir.resolve(filename));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String file(int version, String name) {
        return String.format("%05d-%s.%s.sql", version, name, scope);
    }
}
