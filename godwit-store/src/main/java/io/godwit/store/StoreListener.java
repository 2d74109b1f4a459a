package io.godwit.store;

import io.godwit.EngineListener;

import java.time.Duration;

/**
 * Told of what an in-process store does, for metrics and traces (the godwit-metrics module binds it
 * to a Micrometer registry); set with {@link Settings#withListener}. It is also the engine's
 * {@link EngineListener}, told of the migrations the client runs when it opens.
 *
 * <p>Every method is called on the thread that did the work, after it, and must be quick and must
 * not throw. {@link #NONE}, the default, is never called: a store without a listener reads no clock.
 * {@code collection} is the collection's name when its handle (or segment) was opened.
 */
public interface StoreListener extends EngineListener {
    StoreListener NONE = new StoreListener() {
    };

    /**
     * A collection call returned after {@code took}. {@code records}: for add, upsert and update the
     * records written; for delete those deleted; for get those returned; for query the hits returned
     * over all query vectors; for count the number counted.
     */
    default void operation(StoreOperation kind, String collection, long records, Duration took) {
    }

    /** A collection call failed after {@code took}, with {@code error} (a {@link StoreException} or the engine's). */
    default void operationFailed(StoreOperation kind, String collection, Duration took, RuntimeException error) {
    }

    /**
     * A collection's vector index was rebuilt from the database, holding {@code records} records,
     * in {@code took}; {@code reason} says why in a few words, e.g. {@code missing}, {@code damaged},
     * {@code epoch changed}, {@code log purged}, {@code configuration changed}. Called by the vector segment.
     */
    default void indexRebuilt(String collection, String reason, long records, Duration took) {
    }

    /**
     * The collection that was named {@code collection} is gone from this client: deleted (alone, or with
     * its database or tenant), or renamed away from that name. Called once the change committed; figures
     * kept under that name should end (a collection of the same name in another database keeps its own).
     */
    default void collectionGone(String collection) {
    }

    /** The store was reset by this client: every collection is gone. Called once the reset finished. */
    default void storeReset() {
    }
}
