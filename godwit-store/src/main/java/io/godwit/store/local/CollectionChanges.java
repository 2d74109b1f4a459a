package io.godwit.store.local;

import io.godwit.store.CollectionChange;
import io.godwit.store.CollectionConfiguration;
import io.godwit.store.CreateCollection;
import io.godwit.store.StoreException;
import io.godwit.store.embedding.RecordedFunction;

import java.util.Map;
import java.util.UUID;

/** Creating and changing collections: the checks, then one write each. */
final class CollectionChanges {
    private CollectionChanges() {
    }

    static LocalCollection create(Store store, String tenant, String database, CreateCollection request) {
        Names.required("create collection request", request);
        String name = Names.collection(request.name());
        Map<String, Object> metadata = request.metadata() == null ? Map.of()
                : MetadataValues.collection("create collection '" + name + "'", request.metadata());
        CollectionConfiguration config = request.configuration() != null
                ? ConfigurationJson.check(request.configuration()) : ConfigurationJson.fromMetadata(metadata);
        if (request.embeddingFunction() != null) {
            config = config.withEmbeddingFunction(request.embeddingFunction().descriptor());
        }
        if (request.dimension() != null && request.dimension() <= 0) {
            throw StoreException.invalid("create collection '" + name + "': dimension must be positive, got "
                    + request.dimension());
        }
        CollectionConfiguration configuration = config;
        CollectionRow row = store.connections().write("create collection '" + name + "'", c -> {
            String databaseId = Tenancy.databaseId(c, tenant, database);
            var existing = CollectionRows.byName(c, databaseId, name);
            if (existing.isPresent()) {
                if (request.getOrCreate()) {
                    return existing.get();
                }
                throw StoreException.exists("Collection [" + name + "] already exists");
            }
            UUID id = UUID.randomUUID();
            CollectionRow created = new CollectionRow(id, name, tenant, database, databaseId,
                    "persistent://" + tenant + "/" + database + "/" + id, request.dimension(),
                    UUID.randomUUID().toString(), UUID.randomUUID().toString(), configuration, metadata);
            CollectionRows.insert(c, created, StoreEpoch.ensure(c));
            return created;
        });
        // get-or-create of an existing collection: the function given must be the one it records.
        RecordedFunction.check(name, row.configuration().embeddingFunction(), request.embeddingFunction());
        return new LocalCollection(store, row, request.embeddingFunction());
    }

    static void modify(Store store, CollectionRow handle, CollectionChange change) {
        Names.required("collection change", change);
        String where = "modify collection '" + handle.name() + "'";
        String newName = change.newName() == null ? null : Names.collection(change.newName());
        Map<String, Object> metadata = change.newMetadata() == null ? null
                : MetadataValues.collection(where, change.newMetadata());
        CollectionConfiguration config = change.newConfiguration() == null ? null
                : ConfigurationJson.check(change.newConfiguration());
        String renamedFrom = store.connections().write(where, c -> {
            CollectionRow row = Current.collection(c, handle);
            boolean renamed = newName != null && !newName.equals(row.name());
            if (renamed) {
                if (CollectionRows.byName(c, row.databaseId(), newName).isPresent()) {
                    throw StoreException.exists(where + ": Collection [" + newName + "] already exists");
                }
                CollectionRows.rename(c, row.id(), newName);
            }
            if (metadata != null) {
                CollectionRows.writeMetadata(c, row.id(), metadata);
            }
            if (config != null) {
                // The descriptor of the embedding function stays as created unless the change names one.
                CollectionConfiguration kept = config.embeddingFunction() != null ? config
                        : config.withEmbeddingFunction(row.configuration().embeddingFunction());
                CollectionRows.configure(c, row.id(), kept);
            }
            return renamed ? row.name() : null;
        });
        if (config != null) {
            store.forgetVectors(handle.id(), false); // reopened on next use: rebuilt when the graph's parameters changed
        }
        if (renamedFrom != null) {
            store.listener().collectionGone(renamedFrom);
        }
    }
}
