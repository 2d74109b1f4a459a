package io.godwit.store.local;

import io.godwit.store.CollectionScope;
import io.godwit.store.CreateCollection;
import io.godwit.store.StoreCollection;
import io.godwit.store.StoreException;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The collection calls of one tenant and database of an in-process client. */
public final class LocalScope implements CollectionScope {
    private final Store store;
    private final String tenant;
    private final String database;

    public LocalScope(Store store, String tenant, String database) {
        this.store = store;
        this.tenant = Names.required("tenant name", tenant);
        this.database = Names.required("database name", database);
    }

    @Override
    public String tenant() {
        return tenant;
    }

    @Override
    public String database() {
        return database;
    }

    @Override
    public StoreCollection createCollection(CreateCollection request) {
        return CollectionChanges.create(store, tenant, database, request);
    }

    @Override
    public Optional<StoreCollection> getCollection(String name) {
        Names.required("collection name", name);
        return store.connections().read("read collection '" + name + "'", c ->
                CollectionRows.byName(c, Tenancy.databaseId(c, tenant, database), name).map(this::handle));
    }

    @Override
    public Optional<StoreCollection> getCollection(UUID id) {
        Names.required("collection id", id);
        return store.connections().read("read collection " + id, c ->
                CollectionRows.byId(c, Tenancy.databaseId(c, tenant, database), id).map(this::handle));
    }

    @Override
    public List<StoreCollection> listCollections(Integer limit, int offset) {
        Paging.check(limit, offset);
        return store.connections().read("list collections", c ->
                CollectionRows.list(c, Tenancy.databaseId(c, tenant, database), limit, offset).stream()
                        .map(this::handle).toList());
    }

    @Override
    public long countCollections() {
        return store.connections().read("count collections", c ->
                CollectionRows.count(c, Tenancy.databaseId(c, tenant, database)));
    }

    @Override
    public void deleteCollection(String name) {
        Names.required("collection name", name);
        UUID deleted = store.connections().write("delete collection '" + name + "'", c -> {
            CollectionRow row = CollectionRows.byName(c, Tenancy.databaseId(c, tenant, database), name)
                    .orElseThrow(() -> StoreException.notFound("Collection [" + name + "] does not exist"));
            CollectionRows.delete(c, row);
            return row.id();
        });
        store.forgetVectors(deleted, true);
        store.listener().collectionGone(name);
    }

    private StoreCollection handle(CollectionRow row) {
        return new LocalCollection(store, row, null);
    }
}
