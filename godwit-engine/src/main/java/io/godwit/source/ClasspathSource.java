package io.godwit.source;

import io.godwit.MigrationSourceException;
import io.godwit.spi.MigrationSource;
import io.godwit.spi.SourceFile;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Migrations in a folder of the classpath, inside a jar or in a classes folder: how the built-in
 * subsystems ship. The folder is found through the given class loader, so the jar must hold an
 * entry for the folder itself, as jars built by Maven and the jar tool do.
 */
public record ClasspathSource(String folder, ClassLoader classLoader) implements MigrationSource {

    public ClasspathSource {
        folder = folder.replaceAll("^/+|/+$", "");
    }

    public ClasspathSource(String folder) {
        this(folder, ClasspathSource.class.getClassLoader());
    }

    @Override
    public String location() {
        return "classpath:" + folder;
    }

    @Override
    public List<SourceFile> files() {
        URL url = classLoader.getResource(folder);
        if (url == null) {
            throw new MigrationSourceException("Migration folder " + location() + " is not on the classpath");
        }
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                return readFromJar(uri, folder);
            }
            return new DirectorySource(Path.of(uri)).files();
        } catch (URISyntaxException | IOException e) {
            throw new MigrationSourceException("Cannot read migration folder " + location() + ": " + e.getMessage(), e);
        }
    }

    // Synchronized: two sources of one jar must not close the jar's file system under each other.
    private static synchronized List<SourceFile> readFromJar(URI uri, String folder) throws IOException {
        // The jar's file system may have been opened by someone else: reuse it then, and leave it open.
        FileSystem fs;
        boolean opened = false;
        try {
            fs = FileSystems.newFileSystem(uri, Map.of());
            opened = true;
        } catch (FileSystemAlreadyExistsException e) {
            fs = FileSystems.getFileSystem(uri);
        }
        try {
            return new DirectorySource(fs.getPath(folder)).files();
        } finally {
            if (opened) {
                fs.close();
            }
        }
    }
}
