package io.godwit.source;

import io.godwit.MigrationSourceException;
import io.godwit.spi.MigrationSource;
import io.godwit.spi.SourceFile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Migrations in a folder on disk. Subfolders are not read. */
public record DirectorySource(Path directory) implements MigrationSource {

    @Override
    public String location() {
        return directory.toString();
    }

    @Override
    public List<SourceFile> files() {
        if (!Files.isDirectory(directory)) {
            throw new MigrationSourceException("Migration folder " + directory + " does not exist or is not a folder");
        }
        List<SourceFile> files = new ArrayList<>();
        try (Stream<Path> entries = Files.list(directory)) {
            for (Path file : (Iterable<Path>) entries::iterator) {
                // Read first, ask later: a stat per file costs as much as the read on a warm cache.
                try {
                    files.add(new SourceFile(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8)));
                } catch (IOException e) {
                    if (Files.isRegularFile(file)) {
                        throw e;
                    }
                }
            }
        } catch (IOException e) {
            throw new MigrationSourceException("Cannot read migration folder " + directory + ": " + e.getMessage(), e);
        }
        return files;
    }
}
