package io.godwit.store.legacy;

import io.godwit.GodwitException;
import io.godwit.store.CreateCollection;
import io.godwit.store.GodwitClient;
import io.godwit.store.RecordBatch;
import io.godwit.store.StoreCollection;
import io.godwit.store.importer.ChromaSource;
import io.godwit.store.importer.SourceCollection;
import io.godwit.store.importer.SourceRecord;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Moves a Chroma persist directory (either layout, see {@link ChromaSource}) into a new Godwit
 * store, the job Chroma's {@code chroma-migrate} did for its own move off DuckDB. The Chroma files
 * are only read. Tenants, databases, configurations (the distance space) and uris are kept; records
 * go in batches of 1,000, one transaction each. The new store is built under a temporary name beside the target and renamed into place only when every record made it, so a
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
        long[] records = {0};
        for (SourceCollection c : source.collections()) {
            ensureScope(client, c);
            StoreCollection collection = client.scope(c.tenant(), c.database()).createCollection(CreateCollection
                    .named(c.name()).metadata(c.metadata()).configuration(c.configuration()).dimension(c.dimension()));
            source.read(c, 1000, batch -> {
                if (!batch.isEmpty()) {
                    collection.add(batch(batch));
                    records[0] += batch.size();
                }
            });
        }
        return new Report(source.collections().size(), records[0]);
    }

    private static void ensureScope(GodwitClient client, SourceCollection c) {
        if (client.getTenant(c.tenant()).isEmpty()) {
            client.createTenant(c.tenant());
        }
        if (client.getDatabase(c.tenant(), c.database()).isEmpty()) {
            client.createDatabase(c.tenant(), c.database());
        }
    }

    private static RecordBatch batch(List<SourceRecord> records) {
        List<String> ids = new ArrayList<>();
        List<float[]> embeddings = new ArrayList<>();
        List<String> documents = new ArrayList<>();
        List<Map<String, Object>> metadatas = new ArrayList<>();
        List<String> uris = new ArrayList<>();
        for (SourceRecord r : records) {
            ids.add(r.id());
            embeddings.add(r.embedding());
            documents.add(r.document());
            metadatas.add(r.metadata() == null || r.metadata().isEmpty() ? null : r.metadata());
            uris.add(r.uri());
        }
        return RecordBatch.of(ids).embeddings(embeddings).documents(documents).metadatas(metadatas).uris(uris);
    }

    private static void deleteQuietly(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // the staging folder was never created, or is already gone
        }
    }
}
