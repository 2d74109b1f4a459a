package io.godwit.store;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What every client of the store offers, whether the store is opened in this process
 * ({@link GodwitClient}: persistent, ephemeral, PostgreSQL) or reached over HTTP
 * ({@link io.godwit.store.http.HttpGodwitClient}). Code written against this interface runs on
 * either, as Chroma's clients share one API.
 *
 * <p>Failures are {@link io.godwit.GodwitException}s; "absent" is an empty {@link Optional}, never
 * an exception.
 */
public interface LegacyStoreClient extends AutoCloseable {

    /** Creates a collection; {@code dimension} null means any vector length is accepted. */
    LegacyStoreCollection createCollection(String name, Integer dimension);

    /** Creates a collection with metadata of its own (string, integer, float or boolean values). */
    LegacyStoreCollection createCollection(String name, Integer dimension, Map<String, Object> metadata);

    /** The collection of that name, or empty when there is none. */
    Optional<? extends LegacyStoreCollection> getCollection(String name);

    /** The names of all collections, sorted. */
    List<String> listCollections();

    /** Releases the connection; the collections obtained from this client are unusable after it. */
    @Override
    void close();
}
