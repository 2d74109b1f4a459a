package io.godwit.store.local;

import io.godwit.store.CollectionConfiguration;

import java.util.Map;
import java.util.UUID;

/**
 * A collection as the catalog reads it: its row in {@code collections}, its database and tenant,
 * its two segments (metadata: records, metadata, documents; vector: the index) and its log topic.
 */
public record CollectionRow(UUID id, String name, String tenant, String database, String databaseId, String topic,
                            Integer dimension, String metadataSegment, String vectorSegment,
                            CollectionConfiguration configuration, Map<String, Object> metadata) {
}
