package io.godwit.server;

import io.godwit.GodwitException;
import io.godwit.store.LegacyStoreClient;
import io.godwit.store.LegacyStoreCollection;
import io.godwit.store.StoredEmbedding;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every {@link LegacyStoreClient} does, written once: the in-process client and the HTTP client
 * (through a server) subclass it, so code written against the interface behaves the same on both.
 * Fixture: {@link #open()} returns a client on a new, empty store; {@link #closeStore()} releases it.
 */
abstract class StoreClientContract {
    LegacyStoreClient client;

    /** A client on a new, empty store. */
    abstract LegacyStoreClient open();

    /** Releases what {@link #open()} started (after the client is closed). */
    void closeStore() {
    }

    @BeforeEach
    void openClient() {
        client = open();
    }

    @AfterEach
    void closeClient() {
        client.close();
        closeStore();
    }

    @Test
    void createListAddCountGetAndQueryRoundTrip() {
        LegacyStoreCollection books = client.createCollection("books", 3, Map.of("genre", "fiction", "shelf", 4));
        client.createCollection("any-length", null);
        assertThat(client.listCollections()).containsExactly("any-length", "books");
        assertThat(books.name()).isEqualTo("books");
        assertThat(books.dimension()).contains(3);

        books.add("a", new float[] {1, 0, 0}, Map.of("author", "ann", "year", 2001, "score", 0.5, "new", true), "the quick fox");
        books.add("b", new float[] {0, 1, 0}, Map.of(), null);
        books.add("c", new float[] {0.9f, 0.1f, 0.333f}, Map.of(), "slow");
        assertThat(books.count()).isEqualTo(3);

        LegacyStoreCollection again = client.getCollection("books").orElseThrow();
        assertThat(again.dimension()).contains(3);
        assertThat(again.metadata()).isEqualTo(Map.of("genre", "fiction", "shelf", 4L));
        StoredEmbedding a = again.get("a").orElseThrow();
        assertThat(a.embedding()).containsExactly(1f, 0f, 0f);
        assertThat(a.metadata()).isEqualTo(Map.of("author", "ann", "year", 2001L, "score", 0.5, "new", true));
        assertThat(a.document()).isEqualTo("the quick fox");
        assertThat(again.get("c").orElseThrow().embedding()).containsExactly(0.9f, 0.1f, 0.333f);
        assertThat(again.get("b").orElseThrow().document()).isNull();
        assertThat(again.get("missing")).isEmpty();
        assertThat(again.query(new float[] {1, 0, 0}, 2)).containsExactly("a", "c");
        assertThat(again.query(new float[] {0, 1, 0}, 10)).containsExactly("b", "c", "a");
    }

    @Test
    void anUnknownCollectionIsAbsent() {
        assertThat(client.getCollection("nope")).isEmpty();
        assertThat(client.listCollections()).isEmpty();
    }

    @Test
    void aVectorOfTheWrongDimensionIsRefusedAndNothingIsWritten() {
        LegacyStoreCollection books = client.createCollection("books", 3);
        books.add("a", new float[] {1, 0, 0}, Map.of(), null);
        assertThatThrownBy(() -> books.add("d", new float[] {1, 2}, Map.of(), null))
                .isInstanceOf(GodwitException.class).hasMessageContaining("dimension 3");
        assertThat(books.count()).isEqualTo(1);
        assertThat(books.get("d")).isEmpty();
    }

    @Test
    void aCollectionOrRecordWhoseNameIsTakenIsRefused() {
        LegacyStoreCollection books = client.createCollection("books", 2);
        books.add("a", new float[] {1, 0}, Map.of(), "first");
        assertThatThrownBy(() -> client.createCollection("books", 2)).isInstanceOf(GodwitException.class);
        assertThatThrownBy(() -> books.add("a", new float[] {0, 1}, Map.of(), "second")).isInstanceOf(GodwitException.class);
        assertThat(client.listCollections()).containsExactly("books");
        assertThat(books.count()).isEqualTo(1);
        assertThat(books.get("a").orElseThrow().document()).isEqualTo("first");
    }
}
