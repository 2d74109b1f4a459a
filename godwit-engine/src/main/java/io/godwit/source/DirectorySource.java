package io.godwit.source;

import io.godwit.MigrationSourceException;
import io.godwit.spi.MigrationSource;
import io.godwit.spi.SourceFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Migrations in a folder on disk: the files whose names end in {@code .sql}, in any case (so that
 * a misspelled {@code .SQL} is reported, not skipped), read as UTF-8. Subfolders and other files
 * are not read.
 */
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
                String name = file.getFileName().toString();
                if (!name.toLowerCase(Locale.ROOT).endsWith(".sql")) {
                    continue;
                }
                // Read first, ask later: a stat per file costs as much as the read on a warm cache.
                try {
                    files.add(new SourceFile(name, Utf8Text.decode(Files.readAllBytes(file), directory.getFileName() + "/" + name)));
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
