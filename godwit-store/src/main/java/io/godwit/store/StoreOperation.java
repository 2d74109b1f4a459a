package io.godwit.store;

import java.util.Locale;

/** The collection calls a {@link StoreListener} is told of, as Chroma names them. */
public enum StoreOperation {
    ADD, UPSERT, UPDATE, DELETE, GET, QUERY, COUNT;

    /** {@code add}, {@code upsert}, ...: the name of the call, as metrics tag it. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
