package io.godwit.store;

import java.util.Locale;

/**
 * A collection's distance space, with Chroma's names and distance values: {@code l2} is the squared
 * Euclidean distance, {@code cosine} is {@code 1 - cosine similarity}, {@code ip} is
 * {@code 1 - dot product}.
 */
public enum Space {
    L2, COSINE, IP;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Space fromWireName(String name) {
        for (Space s : values()) {
            if (s.wireName().equals(name)) {
                return s;
            }
        }
        throw StoreException.invalid("space: unknown value '" + name + "'; expected one of l2, cosine, ip");
    }
}
