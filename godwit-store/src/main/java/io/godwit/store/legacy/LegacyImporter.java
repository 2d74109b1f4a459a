package io.godwit.store.legacy;

import io.godwit.GodwitException;
import io.godwit.store.Collection;
import io.godwit.store.GodwitClient;
import io.godwit.store.Settings;
import io.godwit.store.importer.ChromaSource;
import io.godwit.store.importer.SourceCollection;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

/**
 * Moves a Chroma persist directory (either layout, see {@link ChromaSource}) into a new Godwit
 * store, the job Chroma's {@code chroma-migrate} did for its own move off DuckDB. The Chroma files
 * are only read. Until the store keeps tenants, databases and uris, collections outside the
 * default tenant and database, and records with uris, are refused before anything is written. The new store is built under a
 * temporary name beside the target and renamed into place only when every record made it, so a
 * failed import leaves no half-filled store behind.
 */
public final class LegacyImporter {
    private LegacyImporter() {
    }

    /** What an import moved. */
    public record Report(int collections, long records) {
    }

    /** Imports {@code legacyDir} into a new store in {@code targetDir}, which must not hold one yet. */
    public static Report importInto(Path legacyDir, Path targetDir) {
        Path target = targetDir.resolve(GodwitClient.DATABASE_FILE);
        if (Files.exists(target)) {
            throw new GodwitException("A Godwit store already exists at " + target + ": import into an empty folder");
        }
        Path staging = targetDir.resolve(".import-" + ProcessHandle.current().pid());
        try {
            Report report;
            try (ChromaSource source = ChromaSource.open(legacyDir); GodwitClient client = GodwitClient.persistent(staging)) {
                report = copy(source, client);
            }
            Files.move(staging.resolve(GodwitClient.DATABASE_FILE), target, StandardCopyOption.ATOMIC_MOVE);
            return report;
        } catch (IOException e) {
            throw new GodwitException("Could not import the legacy layout in " + legacyDir + ": " + e.getMessage()
                    + ". Nothing was written to " + targetDir + ".", e);
        } finally {
            deleteQuietly(staging);
        }
    }

    private static Report copy(ChromaSource source, GodwitClient client) {
        source.collections().forEach(LegacyImporter::checkScope);
        long[] records = {0};
        for (SourceCollection c : source.collections()) {
            Collection collection = client.createCollection(c.name(), c.dimension(), c.metadata());
            source.read(c, 1000, batch -> batch.forEach(r -> {
                if (r.uri() != null) {
                    throw new GodwitException("Record " + r.id() + " of collection " + c.path() + " has a uri, which this"
                            + " release of the store cannot keep yet; nothing was imported.");
                }
                collection.add(r.id(), r.embedding(), r.metadata() == null ? Map.of() : r.metadata(), r.document());
                records[0]++;
            }));
        }
        return new Report(source.collections().size(), records[0]);
    }

    private static void checkScope(SourceCollection c) {
        if (!c.tenant().equals(Settings.DEFAULT_TENANT) || !c.database().equals(Settings.DEFAULT_DATABASE)) {
            throw new GodwitException("Collection " + c.path() + " is outside " + Settings.DEFAULT_TENANT + "/"
                    + Settings.DEFAULT_DATABASE + ", which this release of the store cannot keep yet; nothing was imported.");
        }
    }

    private static void deleteQuietly(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // the staging folder was never created, or is already gone
        }
    }
}
