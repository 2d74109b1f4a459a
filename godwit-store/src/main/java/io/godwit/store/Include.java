package io.godwit.store;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** What a get or query answer carries besides ids, with Chroma's names ({@link #wireName()}). */
public enum Include {
    EMBEDDINGS, DOCUMENTS, METADATAS, URIS, DISTANCES;

    /** Chroma's default for get: documents and metadatas. */
    public static Set<Include> getDefault() {
        return EnumSet.of(DOCUMENTS, METADATAS);
    }

    /** Chroma's default for query: documents, metadatas and distances. */
    public static Set<Include> queryDefault() {
        return EnumSet.of(DOCUMENTS, METADATAS, DISTANCES);
    }

    /** The name Chroma's API uses: {@code embeddings}, {@code documents}, ... */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The value of a Chroma name; INVALID_ARGUMENT naming the accepted values otherwise. */
    public static Include fromWireName(String name) {
        for (Include i : values()) {
            if (i.wireName().equals(name)) {
                return i;
            }
        }
        throw StoreException.invalid("include: unknown value '" + name
                + "'; expected one of embeddings, documents, metadatas, uris, distances");
    }
}
