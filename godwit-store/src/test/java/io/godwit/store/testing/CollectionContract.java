package io.godwit.store.testing;

import io.godwit.store.CollectionChange;
import io.godwit.store.CollectionConfiguration;
import io.godwit.store.CreateCollection;
import io.godwit.store.GetRequest;
import io.godwit.store.QueryRequest;
import io.godwit.store.RecordBatch;
import io.godwit.store.Space;
import io.godwit.store.StoreCollection;
import io.godwit.store.StoreException;
import io.godwit.store.embedding.EmbeddingFunction;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Collections: create, get, get-or-create, list, count, modify, delete; configuration and embedding functions. */
public interface CollectionContract extends ContractFixture {

    @Test
    default void collectionsAreCreatedGotListedInCreationOrderCountedAndDeleted() {
        StoreCollection zeta = client().createCollection(CreateCollection.named("zeta").metadata(Map.of("owner", "ann", "n", 4)));
        collection("alpha");
        collection("mid.dle-1_x");
        assertThat(zeta.name()).isEqualTo("zeta");
        assertThat(zeta.tenant()).isEqualTo("default_tenant");
        assertThat(zeta.database()).isEqualTo("default_database");
        assertThat(client().listCollections(null, 0)).extracting(StoreCollection::name).containsExactly("zeta", "alpha", "mid.dle-1_x");
        assertThat(client().listCollections(1, 1)).extracting(StoreCollection::name).containsExactly("alpha");
        assertThat(client().countCollections()).isEqualTo(3);
        StoreCollection again = client().getCollection("zeta").orElseThrow();
        assertThat(again.id()).isEqualTo(zeta.id());
        assertThat(again.metadata()).isEqualTo(Map.of("owner", "ann", "n", 4L));
        assertThat(again.configuration()).isEqualTo(CollectionConfiguration.defaults());
        assertThat(client().defaultScope().getCollection(zeta.id()).orElseThrow().name()).isEqualTo("zeta");
        assertThat(client().getCollection("nope")).isEmpty();
        client().deleteCollection("alpha");
        assertThat(client().listCollections(null, 0)).extracting(StoreCollection::name).containsExactly("zeta", "mid.dle-1_x");
        assertThatThrownBy(() -> client().deleteCollection("alpha")).isInstanceOfSatisfying(StoreException.class,
                e -> assertThat(e.kind()).isEqualTo(StoreException.Kind.NOT_FOUND));
    }

    @Test
    default void aTakenNameIsRefusedUnlessGetOrCreateWhichReturnsTheExistingOneUnchanged() {
        StoreCollection books = books();
        assertThatThrownBy(() -> collection("books")).isInstanceOfSatisfying(StoreException.class, e -> {
            assertThat(e.kind()).isEqualTo(StoreException.Kind.ALREADY_EXISTS);
            assertThat(e.getMessage()).isEqualTo("Collection [books] already exists");
        });
        StoreCollection same = client().createCollection(CreateCollection.named("books").getOrCreate(true)
                .metadata(Map.of("ignored", true)));
        assertThat(same.id()).isEqualTo(books.id());
        assertThat(same.metadata()).isEmpty();
        assertThat(client().getOrCreateCollection("books").count()).isEqualTo(3);
        client().createDatabase("default_tenant", "other");
        StoreCollection elsewhere = client().scope("default_tenant", "other").createCollection(CreateCollection.named("books"));
        assertThat(elsewhere.id()).isNotEqualTo(books.id());
        assertThat(elsewhere.count()).isZero();
    }

    @Test
    default void theSpaceComesFromTheConfigurationOrTheHnswMetadataKeys() {
        StoreCollection fromKeys = client().createCollection(CreateCollection.named("keys")
                .metadata(Map.of("hnsw:space", "ip", "hnsw:M", 32, "hnsw:construction_ef", 200)));
        assertThat(fromKeys.configuration().space()).isEqualTo(Space.IP);
        assertThat(fromKeys.configuration().maxNeighbors()).isEqualTo(32);
        assertThat(fromKeys.configuration().efConstruction()).isEqualTo(200);
        assertThat(fromKeys.metadata()).containsEntry("hnsw:space", "ip");
        CollectionConfiguration cosine = CollectionConfiguration.defaults().withSpace(Space.COSINE).withEfSearch(50);
        StoreCollection given = client().createCollection(CreateCollection.named("given").configuration(cosine));
        assertThat(client().getCollection("given").orElseThrow().configuration()).isEqualTo(cosine);
        assertThat(given.dimension()).isEmpty();
        StoreCollection fixed = client().createCollection(CreateCollection.named("fixed").dimension(2));
        assertThat(client().getCollection("fixed").orElseThrow().dimension()).contains(2);
        assertThatThrownBy(() -> fixed.add(RecordBatch.of("a").embeddings(List.<float[]>of(new float[] {1, 2, 3}))))
                .hasMessageContaining("dimension of 2, got 3");
    }

    @Test
    default void modifyRenamesReplacesMetadataAndChangesTheSpace() {
        StoreCollection books = books();
        books.modify(CollectionChange.rename("novels"));
        assertThat(client().getCollection("books")).isEmpty();
        StoreCollection novels = client().getCollection("novels").orElseThrow();
        assertThat(novels.count()).isEqualTo(3);
        assertThat(books.count()).as("a handle keeps working after a rename").isEqualTo(3);
        novels.modify(CollectionChange.metadata(Map.of("shelf", 7)));
        assertThat(client().getCollection("novels").orElseThrow().metadata()).isEqualTo(Map.of("shelf", 7L));
        novels.modify(CollectionChange.configuration(CollectionConfiguration.defaults().withSpace(Space.IP)));
        StoreCollection ip = client().getCollection("novels").orElseThrow();
        assertThat(ip.configuration().space()).isEqualTo(Space.IP);
        assertThat(ip.query(QueryRequest.embedding(new float[] {0, 1, 0}).nResults(1)).distances())
                .containsExactly(List.of(0f));
        collection("taken");
        assertThatThrownBy(() -> novels.modify(CollectionChange.rename("taken"))).isInstanceOfSatisfying(StoreException.class,
                e -> assertThat(e.kind()).isEqualTo(StoreException.Kind.ALREADY_EXISTS));
    }

    @Test
    default void aDeletedCollectionTakesItsRecordsAndItsHandlesAnswerNotFound() {
        StoreCollection books = books();
        client().deleteCollection("books");
        assertThatThrownBy(books::count).isInstanceOfSatisfying(StoreException.class, e -> {
            assertThat(e.kind()).isEqualTo(StoreException.Kind.NOT_FOUND);
            assertThat(e.getMessage()).isEqualTo("Collection [books] does not exist");
        });
        StoreCollection fresh = collection("books");
        assertThat(fresh.count()).isZero();
        assertThat(fresh.get(GetRequest.all()).ids()).isEmpty();
    }

    @Test
    default void anEmbeddingFunctionEmbedsDocumentsAndQueryTextsAndItsDescriptorIsStored() {
        EmbeddingFunction<String> lengths = new EmbeddingFunction<>() {
            @Override
            public List<float[]> embed(List<String> input) {
                return input.stream().map(s -> new float[] {s.length(), 1}).toList();
            }

            @Override
            public String name() {
                return "lengths";
            }

            @Override
            public Map<String, Object> config() {
                return Map.of("unit", "chars");
            }
        };
        StoreCollection c = client().createCollection(CreateCollection.named("embedded").embeddingFunction(lengths));
        c.add(RecordBatch.of("short", "long").documents(List.of("ab", "abcdefgh")));
        assertThat(c.query(QueryRequest.texts(List.of("abcdefg")).nResults(1)).ids()).containsExactly(List.of("long"));
        assertThat(client().getCollection("embedded").orElseThrow().configuration().embeddingFunction())
                .isEqualTo(Map.of("type", "known", "name", "lengths", "config", Map.of("unit", "chars")));
        StoreCollection plain = client().getCollection("embedded").orElseThrow();
        assertThatThrownBy(() -> plain.query(QueryRequest.texts(List.of("x")))).hasMessageContaining("queryTexts need an embedding function");
        assertThatThrownBy(() -> plain.add(RecordBatch.of("z").documents(List.of("no vector"))))
                .hasMessageContaining("embeddings are missing");
    }
}
