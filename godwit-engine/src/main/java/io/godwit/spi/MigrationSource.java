package io.godwit.spi;

import java.util.List;

/**
 * Where one subsystem's migrations come from: a folder on disk, a folder in the classpath, or
 * anything else that can list files. The engine decides what the names mean; a source only reads.
 */
public interface MigrationSource {

    /**
     * Where the files are, for messages: a path or {@code classpath:...}. Called only when
     * something is reported.
     */
    String location();

    /**
     * Every file directly in the folder whose name ends in {@code .sql} in any case (others may be
     * left out), in no particular order. Called once per run.
     * An empty folder gives an empty list; a folder that does not exist or cannot be read throws
     * {@link io.godwit.MigrationSourceException} naming {@link #location()}.
     */
    List<SourceFile> files();
}
