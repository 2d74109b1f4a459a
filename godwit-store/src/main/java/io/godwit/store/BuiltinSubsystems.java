package io.godwit.store;

import io.godwit.Subsystem;
import io.godwit.source.ClasspathSource;
import io.godwit.store.migrations.ReencodeQueueVectors;

import java.util.List;

/**
 * The store's own migration histories, shipped inside the jar, in the order they are applied:
 * {@code sysdb} (tenants, databases, collections, segments), {@code embeddings_queue} (the
 * write-ahead log of embedding operations) and {@code metadb} (embeddings, metadata, full-text).
 */
public final class BuiltinSubsystems {
    public static final String SYSDB = "sysdb";
    public static final String EMBEDDINGS_QUEUE = "embeddings_queue";
    public static final String METADB = "metadb";
    private static final String ROOT = "io/godwit/store/migrations/";

    private BuiltinSubsystems() {
    }

    public static List<Subsystem> all() {
        return List.of(of(SYSDB), of(EMBEDDINGS_QUEUE), of(METADB));
    }

    /** One built-in subsystem: its SQL files and, where it has them, its Java migrations. */
    public static Subsystem of(String name) {
        Subsystem files = new Subsystem(name, new ClasspathSource(ROOT + name, BuiltinSubsystems.class.getClassLoader()));
        Subsystem all = EMBEDDINGS_QUEUE.equals(name) ? files.with(new ReencodeQueueVectors()) : files;
        // Under Godwit's release policy: which Godwit release introduced each migration.
        return all.withReleases(BuiltinReleases.get());
    }
}
