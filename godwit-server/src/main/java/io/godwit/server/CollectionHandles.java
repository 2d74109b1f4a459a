package io.godwit.server;

import io.godwit.store.StoreClient;
import io.godwit.store.StoreCollection;
import io.godwit.store.StoreException;
import io.godwit.store.http.CollectionJson;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The record routes' collection handles, kept by tenant, database and id, so that a record call does
 * not first resolve its collection in a transaction of its own (the tenant, the database, the
 * collection's row, metadata and configuration: a third of a query's time in the store before).
 *
 * <p>A kept handle can never give a stale answer, because a handle is only where a call starts: every
 * call of a {@link StoreCollection} re-reads its collection in the call's own transaction (the
 * in-process clients' contract), so records, dimension, space and index parameters are always the
 * stored ones, whoever changed them, this server or another process. What a handle holds besides its
 * id is its name, for messages, and whether the lookup under this tenant and database succeeded: a
 * collection never moves to another database, and deleting a tenant or database deletes its
 * collections. So a refusal through a kept handle is checked again with a fresh lookup before it is
 * answered: a collection deleted since answers exactly as without the cache (404 naming the id, or
 * the tenant or database gone), and one renamed since is asked again under its new name. A refusal
 * wrote nothing (the store's contract), so asking again is safe.
 */
final class CollectionHandles {
    /** Past this many, the handles are dropped and looked up again as they are used. */
    static final int MAX_KEPT = 1_024;

    private record Key(String tenant, String database, UUID id) {
    }

    private final StoreClient store;
    private final Map<Key, StoreCollection> kept = new ConcurrentHashMap<>();

    CollectionHandles(StoreClient store) {
        this.store = store;
    }

    /** Runs {@code call} on the collection whose id is the path parameter {@code param}: 400 for a malformed id, 404 when absent. */
    <T> T with(ApiRequest r, String param, Function<StoreCollection, T> call) {
        Key key = new Key(r.param("tenant"), r.param("database"), CollectionJson.uuid(r.param(param), "the path's collection id"));
        StoreCollection handle = kept.get(key);
        if (handle == null) {
            return call.apply(lookUp(key));
        }
        try {
            return call.apply(handle);
        } catch (StoreException e) {
            if (e.kind() == StoreException.Kind.INTERNAL) {
                throw e;
            }
            kept.remove(key, handle);
            StoreCollection now = lookUp(key);   // throws what an uncached call would when the collection is gone
            if (now.name().equals(handle.name())) {
                throw e;
            }
            return call.apply(now);
        }
    }

    int size() {
        return kept.size();
    }

    private StoreCollection lookUp(Key key) {
        StoreCollection handle = store.scope(key.tenant(), key.database()).getCollection(key.id())
                .orElseThrow(() -> ApiError.notFound("Collection [" + key.id() + "] does not exist"));
        if (kept.size() >= MAX_KEPT) {
            kept.clear();
        }
        kept.put(key, handle);
        return handle;
    }
}
