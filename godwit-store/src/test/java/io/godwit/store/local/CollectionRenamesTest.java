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
            List<StoreCollection> staged = List.of(client.createCollection("tmp-alpha"), client.createCollection("tmp-beta"));
            CollectionRenames.renameTogether(staged, List.of("alpha", "beta"));
            assertThat(names(client)).containsExactly("alpha", "beta");
        }
    }

    @Test
    void aNameTakenOrGivenTwiceRenamesNoneAndSaysWhich() {
        try (GodwitClient client = GodwitClient.persistent(dir)) {
            client.createCollection("taken");
            List<StoreCollection> staged = List.of(client.createCollection("tmp-alpha"), client.createCollection("tmp-beta"));

            assertThatThrownBy(() -> CollectionRenames.renameTogether(staged, List.of("alpha", "taken")))
                    .isInstanceOfSatisfying(StoreException.class, e -> {
                        assertThat(e.kind()).isEqualTo(StoreException.Kind.ALREADY_EXISTS);
                        assertThat(e).hasMessage("rename collection 'tmp-beta': Collection [taken] already exists;"
                                + " nothing was renamed");
                    });
            assertThatThrownBy(() -> CollectionRenames.renameTogether(staged, List.of("same-name", "same-name")))
                    .isInstanceOf(StoreException.class).hasMessageContaining("Collection [same-name] already exists");
            assertThat(names(client)).containsExactly("taken", "tmp-alpha", "tmp-beta");
        }
    }

    @Test
    void handlesOfTwoStoresAreRefused() {
        try (GodwitClient one = GodwitClient.ephemeral(); GodwitClient two = GodwitClient.ephemeral()) {
            List<StoreCollection> mixed = List.of(one.createCollection("one-x"), two.createCollection("two-x"));
            assertThat(CollectionRenames.together(mixed)).isFalse();
            assertThatThrownBy(() -> CollectionRenames.renameTogether(mixed, List.of("one-y", "two-y")))
                    .isInstanceOf(StoreException.class).hasMessageContaining("one store");
        }
    }

    private static List<String> names(GodwitClient client) {
        return client.listCollections(null, 0).stream().map(StoreCollection::name).sorted().toList();
    }
}
