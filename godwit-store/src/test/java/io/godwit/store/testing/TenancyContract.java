package io.godwit.store.testing;

import io.godwit.store.CreateCollection;
import io.godwit.store.Database;
import io.godwit.store.Settings;
import io.godwit.store.StoreClient;
import io.godwit.store.StoreException;
import io.godwit.store.Tenant;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Tenants, databases, scopes and reset. */
public interface TenancyContract extends ContractFixture {

    @Test
    default void tenantsAndDatabasesAreCreatedListedAndDeletedWithWhatTheyHold() {
        assertThat(client().listTenants()).containsExactly(new Tenant("default_tenant"));
        assertThat(client().listDatabases("default_tenant", null, 0)).extracting(Database::name).containsExactly("default_database");
        client().createTenant("acme");
        Database prod = client().createDatabase("acme", "prod");
        client().createDatabase("acme", "dev");
        assertThat(client().getTenant("acme")).contains(new Tenant("acme"));
        assertThat(client().getDatabase("acme", "prod")).contains(prod);
        assertThat(client().listDatabases("acme", null, 0)).extracting(Database::name).containsExactly("prod", "dev");
        assertThat(client().listDatabases("acme", 1, 1)).extracting(Database::name).containsExactly("dev");
        client().scope("acme", "prod").createCollection(CreateCollection.named("books"));
        assertThat(client().getCollection("books")).isEmpty();
        assertThat(client().scope("acme", "prod").countCollections()).isEqualTo(1);
        assertThatThrownBy(() -> client().createTenant("acme")).isInstanceOfSatisfying(StoreException.class,
                e -> assertThat(e.kind()).isEqualTo(StoreException.Kind.ALREADY_EXISTS));
        assertThatThrownBy(() -> client().createDatabase("acme", "prod")).isInstanceOfSatisfying(StoreException.class,
                e -> assertThat(e.kind()).isEqualTo(StoreException.Kind.ALREADY_EXISTS));
        client().deleteDatabase("acme", "dev");
        assertThat(client().getDatabase("acme", "dev")).isEmpty();
        client().deleteTenant("acme");
        assertThat(client().getTenant("acme")).isEmpty();
        assertThatThrownBy(() -> client().scope("acme", "prod").getCollection("books")).isInstanceOfSatisfying(
                StoreException.class, e -> {
                    assertThat(e.kind()).isEqualTo(StoreException.Kind.NOT_FOUND);
                    assertThat(e.getMessage()).isEqualTo("Tenant [acme] does not exist");
                });
        assertThatThrownBy(() -> client().scope("default_tenant", "nope").listCollections(null, 0))
                .hasMessage("Database [nope] does not exist in tenant [default_tenant]");
    }

    @Test
    default void resetIsRefusedNamingAllowResetAndChangesNothing() {
        books();
        assertThatThrownBy(() -> client().reset()).isInstanceOfSatisfying(StoreException.class, e -> {
            assertThat(e.kind()).isEqualTo(StoreException.Kind.FORBIDDEN);
            assertThat(e.getMessage()).contains("allowReset").contains("GODWIT_ALLOW_RESET");
        });
        assertThat(client().getCollection("books").orElseThrow().count()).isEqualTo(3);
    }

    @Test
    default void resetEmptiesTheStoreWhenAllowed() {
        StoreClient resettable = openStore(Settings.defaults().withAllowReset(true));
        resettable.createTenant("acme");
        resettable.createCollection("books");
        resettable.reset();
        assertThat(resettable.listCollections(null, 0)).isEmpty();
        assertThat(resettable.listTenants()).containsExactly(new Tenant("default_tenant"));
        assertThat(resettable.createCollection("books").count()).isZero();
    }
}
