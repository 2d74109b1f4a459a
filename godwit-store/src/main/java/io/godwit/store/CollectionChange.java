package io.godwit.store;

import java.util.Map;

/** A modify: a new name, new metadata (replacing the old), a new configuration; null fields stay as they are. */
public record CollectionChange(String newName, Map<String, Object> newMetadata, CollectionConfiguration newConfiguration) {

    public static CollectionChange rename(String newName) {
        return new CollectionChange(newName, null, null);
    }

    public static CollectionChange metadata(Map<String, Object> newMetadata) {
        return new CollectionChange(null, newMetadata, null);
    }

    public static CollectionChange configuration(CollectionConfiguration newConfiguration) {
        return new CollectionChange(null, null, newConfiguration);
    }
}
