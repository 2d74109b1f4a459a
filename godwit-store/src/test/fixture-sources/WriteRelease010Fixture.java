package io.godwit.store;

import java.nio.file.Path;
import java.util.Map;

/**
 * Wrote {@code src/test/resources/io/godwit/store/upgrade/release-0.1.0/godwit.sqlite3}, the store
 * of release 0.1.0 (the 14 built-in migrations) that {@code UpgradeFromRelease010Test} upgrades.
 * It ran on commit f8bc48e, against that commit's API (GodwitClient, Collection), which the new
 * store replaced; it is kept here, outside the compiled test sources, so the fixture's origin stays
 * readable. To rebuild the fixture: check out f8bc48e, copy this file to
 * godwit-store/src/test/java/io/godwit/store/, compile the tests and run its main with a new folder.
 */
public final class WriteRelease010Fixture {
    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        try (GodwitClient client = GodwitClient.persistent(dir)) {
            Collection books = client.createCollection("books", 3, Map.of("genre", "fiction", "shelf", 4, "hnsw:space", "cosine"));
            books.add("a", new float[] {1, 0, 0}, Map.of("author", "ann", "year", 2001, "score", 0.5, "new", true), "the quick fox");
            books.add("b", new float[] {0, 1, 0}, Map.of(), null);
            books.add("c", new float[] {0.9f, 0.1f, 0.333f}, Map.of("author", "cy"), "slow brown dog");
            // A name Chroma's rules refuse (two characters), accepted by release 0.1.0: stays readable.
            Collection any = client.createCollection("xy", null);
            for (int i = 0; i < 20; i++) {
                any.add("r" + i, new float[] {i, -i, i / 3f, 1e-7f * i}, Map.of("i", i, "even", i % 2 == 0), "document " + i);
            }
        }
    }
}
