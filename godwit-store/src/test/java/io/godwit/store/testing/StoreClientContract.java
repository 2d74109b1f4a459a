package io.godwit.store.testing;

import io.godwit.store.GetRequest;
import io.godwit.store.GetResult;
import io.godwit.store.Include;
import io.godwit.store.Settings;
import io.godwit.store.StoreClient;
import io.godwit.store.StoreCollection;
import io.godwit.store.StoreException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.assertj.core.api.ThrowableAssert;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every {@link StoreClient} does, written once, with Chroma's semantics (checked against the
 * Chroma 1.0 peer where they were unclear). Subclass it per client (ephemeral, persistent,
 * PostgreSQL, HTTP) and implement {@link #open}; the tests come from the interfaces it implements:
 * {@link CollectionContract}, {@link RecordContract}, {@link QueryContract}, {@link BadInputContract},
 * {@link TenancyContract}.
 *
 * <p>Fixture: {@link #open} returns a client on a new, empty store (only {@code default_tenant} /
 * {@code default_database}) opened with the settings given; every client it returned is closed after
 * the test, then {@link #closeStores()} runs. Destructive checks (reset) open a store of their own.
 */
public abstract class StoreClientContract implements CollectionContract, RecordContract, QueryContract, BadInputContract,
        TenancyContract {
    private final List<StoreClient> opened = new ArrayList<>();
    private StoreClient client;

    /** A client on a new, empty store opened with {@code settings}. */
    protected abstract StoreClient open(Settings settings);

    /** Releases what {@link #open} started, after its clients are closed. */
    protected void closeStores() {
    }

    @BeforeEach
    final void openClient() {
        client = openStore(Settings.defaults());
    }

    @AfterEach
    final void closeClients() {
        try {
            for (StoreClient c : opened) {
                c.close();
            }
        } finally {
            opened.clear();
            closeStores();
        }
    }

    @Override
    public final StoreClient client() {
        return client;
    }

    @Override
    public final StoreClient openStore(Settings settings) {
        StoreClient c = open(settings);
        opened.add(c);
        return c;
    }

    /** Everything a collection holds, in insertion order, every field included: to prove a refused call changed nothing. */
    static GetResult everything(StoreCollection c) {
        return c.get(GetRequest.all().include(Include.EMBEDDINGS, Include.DOCUMENTS, Include.METADATAS, Include.URIS));
    }

    /** Asserts the call is refused with {@code kind} and a message containing {@code message}, and that {@code c} is unchanged. */
    static void refused(StoreCollection c, StoreException.Kind kind, String message, ThrowableAssert.ThrowingCallable call) {
        GetResult before = everything(c);
        long count = c.count();
        assertThatThrownBy(call).isInstanceOfSatisfying(StoreException.class, e -> {
            assertThat(e.kind()).as(e.getMessage()).isEqualTo(kind);
            assertThat(e.getMessage()).contains(message);
        });
        GetResult after = everything(c);
        assertThat(after.ids()).isEqualTo(before.ids());
        assertThat(after.embeddings()).usingRecursiveComparison().isEqualTo(before.embeddings());
        assertThat(after.documents()).isEqualTo(before.documents());
        assertThat(after.metadatas()).isEqualTo(before.metadatas());
        assertThat(after.uris()).isEqualTo(before.uris());
        assertThat(c.count()).isEqualTo(count);
    }
}
