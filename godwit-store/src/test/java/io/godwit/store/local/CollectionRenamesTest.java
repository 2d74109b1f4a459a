package io.godwit.store.local;

import io.godwit.store.GodwitClient;
import io.godwit.store.StoreCollection;
import io.godwit.store.StoreException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Several collections renamed in one transaction, on a real SQLite store: all, or none. */
class CollectionRenamesTest {
    @TempDir
    Path dir;

    @Test
    void allAreRenamedTogether() {
        try (GodwitClient client = GodwitClient.persistent(dir)) {
            List<StoreCollection> staged = List.of(client.createCollection("tmp-a"), client.createCollection("tmp-b"));
            CollectionRenames.renameTogether(staged, List.of("a", "b"));
            assertThat(names(client)).containsExactly("a", "b");
        }
    }

    @Test
    void aNameTakenOrGivenTwiceRenamesNoneAndSaysWhich() {
        try (GodwitClient client = GodwitClient.persistent(dir)) {
            client.createCollection("taken");
            List<StoreCollection> staged = List.of(client.createCollection("tmp-a"), client.createCollection("tmp-b"));

            assertThatThrownBy(() -> CollectionRenames.renameTogether(staged, List.of("a", "taken")))
                    .isInstanceOfSatisfying(StoreException.class, e -> {
                        assertThat(e.kind()).isEqualTo(StoreException.Kind.ALREADY_EXISTS);
                        assertThat(e).hasMessage("rename collection 'tmp-b': Collection [taken] already exists;"
                                + " nothing was renamed");
                    });
            assertThatThrownBy(() -> CollectionRenames.renameTogether(staged, List.of("same", "same")))
                    .isInstanceOf(StoreException.class).hasMessageContaining("Collection [same] already exists");
            assertThat(names(client)).containsExactly("taken", "tmp-a", "tmp-b");
        }
    }

    @Test
    void handlesOfTwoStoresAreRefused() {
        try (GodwitClient one = GodwitClient.ephemeral(); GodwitClient two = GodwitClient.ephemeral()) {
            List<StoreCollection> mixed = List.of(one.createCollection("x1"), two.createCollection("x2"));
            assertThat(CollectionRenames.together(mixed)).isFalse();
            assertThatThrownBy(() -> CollectionRenames.renameTogether(mixed, List.of("y1", "y2")))
                    .isInstanceOf(StoreException.class).hasMessageContaining("one store");
        }
    }

    private static List<String> names(GodwitClient client) {
        return client.listCollections(null, 0).stream().map(StoreCollection::name).sorted().toList();
    }
}
