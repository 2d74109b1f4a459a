package io.godwit.store.importer;

import io.godwit.ProgressListener;
import io.godwit.store.CollectionChange;
import io.godwit.store.CollectionScope;
import io.godwit.store.CreateCollection;
import io.godwit.store.RecordBatch;
import io.godwit.store.StoreClient;
import io.godwit.store.StoreCollection;
import io.godwit.store.StoreException;
import io.godwit.store.local.CollectionRenames;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Imports a Chroma persist directory (either layout, {@link ChromaSource}) into a Godwit store
 * through the store's batch API, then verifies every record ({@link ImportVerifier}). The source is
 * only read.
 *
 * <p>Atomic: into a new store, everything is written to a staging folder inside the target
 * ({@link #STAGING}) and the database file is moved into place last, so an import killed at any
 * instant leaves no store there; run again, it discards the staging folder and starts over, ending
 * the same. Into an existing store, a name clash is refused before anything is written; each
 * collection is written under a temporary name ({@link #TEMPORARY_PREFIX}) and all are renamed in
 * one transaction ({@link CollectionRenames}) only after every collection was written and
 * verified; a run killed before that transaction commits leaves only temporary-named collections,
 * which the next run deletes before it starts over, and one killed after it a finished import.
 */
public final class ChromaImporter {
    /** The staging folder inside a new store's directory; its presence means an unfinished import. */
    public static final String STAGING = ".godwit-import";
    /** Collections of an unfinished import into an existing store carry this prefix. */
    public static final String TEMPORARY_PREFIX = "godwit-import-";

    private final ChromaSource source;
    private final ProgressListener progress;

    private ChromaImporter(ChromaSource source, ProgressListener progress) {
        this.source = source;
        this.progress = progress;
    }

    /**
     * Imports {@code from} into a new store in {@code targetDir} (which must hold none yet), opened
     * by {@code open} on a directory: {@code dir -> GodwitClient.persistent(dir, settings)}.
     */
    public static ImportReport intoNewStore(Path from, Path targetDir, String databaseFile,
                                            Function<Path, StoreClient> open, ProgressListener progress) {
        if (Files.exists(targetDir.resolve(databaseFile))) {
            throw new ImportException(null, "A Godwit store already exists at " + targetDir.resolve(databaseFile)
                    + "; import into it with ChromaImporter.intoStore (as `godwit import --path` does for a folder that"
                    + " holds a store: it adds collections when no name clashes), or into an empty folder.");
        }
        long start = System.nanoTime();
        Path staging = targetDir.resolve(STAGING);
        deleteRecursively(staging); // an earlier run that was killed: start over
        try (ChromaSource source = ChromaSource.open(from)) {
            List<ImportReport.CollectionReport> done;
            try (StoreClient client = open.apply(staging)) {
                done = new ChromaImporter(source, progress).copy(client, false);
            }
            moveIntoPlace(staging, targetDir, databaseFile);
            return new ImportReport(from.toString(), source.describe(), targetDir.resolve(databaseFile).toString(), done,
                    (System.nanoTime() - start) / 1e9);
        } finally {
            deleteRecursively(staging);
        }
    }

    /** Imports {@code from} into the store {@code client} already holds; {@code target} names it in the report. */
    public static ImportReport intoStore(Path from, StoreClient client, String target, ProgressListener progress) {
        long start = System.nanoTime();
        try (ChromaSource source = ChromaSource.open(from)) {
            List<ImportReport.CollectionReport> done = new ChromaImporter(source, progress).copy(client, true);
            return new ImportReport(from.toString(), source.describe(), target, done, (System.nanoTime() - start) / 1e9);
        }
    }

    private List<ImportReport.CollectionReport> copy(StoreClient client, boolean existing) {
        if (existing) {
            discardUnfinished(client);
            refuseClashes(client);
        }
        int batch = Math.min(client.settings().maxBatchSize(), 1000);
        List<ImportReport.CollectionReport> out = new ArrayList<>();
        List<StoreCollection> written = new ArrayList<>();
        try {
            for (SourceCollection c : source.collections()) {
                long total = source.count(c);
                StoreCollection to = create(client, c, existing);
                written.add(to);
                write(c, to, batch, total);
                long stored = ImportVerifier.verify(source, c, to, batch, progress, total);
                out.add(new ImportReport.CollectionReport(c.path(), total, stored));
            }
            if (existing) {
                publish(written);
            }
        } catch (RuntimeException e) {
            if (existing) {
                written.forEach(w -> client.scope(w.tenant(), w.database()).deleteCollection(w.name()));
            }
            throw e;
        }
        return out;
    }

    /**
     * Gives the staged collections their names: in process, in one transaction, so that a crash at
     * any instant leaves all of them or none under the final names. A client of another kind (over
     * HTTP) has no such transaction; there they are renamed one by one.
     */
    private void publish(List<StoreCollection> written) {
        List<String> names = source.collections().stream().map(SourceCollection::name).toList();
        if (CollectionRenames.together(written)) {
            try {
                CollectionRenames.renameTogether(written, names);
            } catch (StoreException e) {
                throw new ImportException(null, "Cannot give the imported collections their names: " + e.getMessage()
                        + ". Nothing of the import is left in the store; run it again.", e);
            }
            return;
        }
        for (int i = 0; i < written.size(); i++) {
            written.get(i).modify(CollectionChange.rename(names.get(i)));
        }
    }

    private StoreCollection create(StoreClient client, SourceCollection c, boolean temporary) {
        CollectionScope scope = scope(client, c);
        String name = temporary ? TEMPORARY_PREFIX + UUID.randomUUID().toString().substring(0, 8) + "-" + c.name() : c.name();
        try {
            return scope.createCollection(CreateCollection.named(name).metadata(c.metadata().isEmpty() ? null : c.metadata())
                    .configuration(c.configuration()).dimension(c.dimension()));
        } catch (StoreException e) {
            throw refused(c, "the store refuses the collection: " + e.getMessage(), e);
        }
    }

    private void write(SourceCollection c, StoreCollection to, int batch, long total) {
        long[] done = {0};
        String task = "importing " + c.path();
        progress.progress(task, 0, total);
        ReadAhead.read(source, c, batch, records -> {
            try {
                to.add(RecordBatch.of(records.stream().map(SourceRecord::id).toList())
                        .embeddings(records.stream().map(SourceRecord::embedding).toList())
                        .documents(nullable(records.stream().map(SourceRecord::document).toList()))
                        .metadatas(nullable(records.stream().map(SourceRecord::metadata).toList()))
                        .uris(nullable(records.stream().map(SourceRecord::uri).toList())));
            } catch (StoreException e) {
                throw refused(c, "the store refuses a record: " + e.getMessage(), e);
            }
            done[0] += records.size();
            progress.progress(task, done[0], total);
        });
    }

    /** A field's list, or null (not given) when no record has one: the store then stores none. */
    private static <T> List<T> nullable(List<T> values) {
        return values.stream().allMatch(v -> v == null) ? null : values;
    }

    private static CollectionScope scope(StoreClient client, SourceCollection c) {
        if (client.getTenant(c.tenant()).isEmpty()) {
            client.createTenant(c.tenant());
        }
        if (client.getDatabase(c.tenant(), c.database()).isEmpty()) {
            client.createDatabase(c.tenant(), c.database());
        }
        return client.scope(c.tenant(), c.database());
    }

    private void refuseClashes(StoreClient client) {
        List<String> clashes = new ArrayList<>();
        for (SourceCollection c : source.collections()) {
            boolean present = client.getTenant(c.tenant()).isPresent()
                    && client.getDatabase(c.tenant(), c.database()).isPresent()
                    && client.scope(c.tenant(), c.database()).getCollection(c.name()).isPresent();
            if (present) {
                clashes.add(c.path());
            }
        }
        if (!clashes.isEmpty()) {
            throw new ImportException(null, "The store already has collections of the names the import would create: "
                    + String.join(", ", clashes) + ". Nothing was written. Rename or delete those collections, or import"
                    + " into a new store.");
        }
    }

    /** Deletes the temporary collections an earlier, killed import into this store left. */
    private void discardUnfinished(StoreClient client) {
        for (SourceCollection c : source.collections()) {
            if (client.getTenant(c.tenant()).isEmpty() || client.getDatabase(c.tenant(), c.database()).isEmpty()) {
                continue;
            }
            CollectionScope scope = client.scope(c.tenant(), c.database());
            for (StoreCollection s : scope.listCollections(null, 0)) {
                if (s.name().startsWith(TEMPORARY_PREFIX) && s.name().endsWith("-" + c.name())) {
                    scope.deleteCollection(s.name());
                }
            }
        }
    }

    private static ImportException refused(SourceCollection c, String what, Throwable cause) {
        return new ImportException(null, "Cannot import collection " + c.path() + ": " + what
                + ". Nothing of the import is left in the store as a finished collection.", cause);
    }

    /** Moves the staged store's files into the target, the database file last (its arrival is the commit). */
    private static void moveIntoPlace(Path staging, Path target, String databaseFile) {
        try (Stream<Path> files = Files.list(staging)) {
            for (Path f : files.sorted(Comparator.comparing(p -> p.getFileName().toString().equals(databaseFile))).toList()) {
                Files.move(f, target.resolve(f.getFileName()), StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot move the imported store into " + target, e);
        }
    }

    static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot remove " + dir, e);
        }
    }

}
