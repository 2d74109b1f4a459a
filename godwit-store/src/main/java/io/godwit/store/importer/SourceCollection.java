package io.godwit.store.importer;

import io.godwit.store.CollectionConfiguration;

import java.util.Map;

/**
 * A collection as a Chroma persist directory holds it, ready to be created in a Godwit store.
 *
 * @param tenant        Chroma's tenant ({@code default_tenant} for layouts before tenants existed)
 * @param database      Chroma's database within the tenant ({@code default_database} likewise)
 * @param id            Chroma's collection id (a UUID), used to name it in messages
 * @param name          the collection's name
 * @param metadata      its own metadata, {@code hnsw:*} keys included; empty when none
 * @param configuration its index configuration, the distance space kept
 * @param dimension     its vector length; null when it holds no vector
 */
public record SourceCollection(String tenant, String database, String id, String name, Map<String, Object> metadata,
                               CollectionConfiguration configuration, Integer dimension) {

    public SourceCollection {
        metadata = Map.copyOf(metadata);
    }

    /** {@code tenant/database/name}, as messages and reports name a collection. */
    public String path() {
        return tenant + "/" + database + "/" + name;
    }
}
