package io.godwit.contract;

import io.godwit.GodwitConfiguration;
import io.godwit.InUseHolder;
import io.godwit.LockTimeoutError;
import io.godwit.StoreInUseError;
import io.godwit.Subsystem;
import io.godwit.source.DirectorySource;
import io.godwit.spi.InUseHold;
import io.godwit.spi.InUseTracking;
import io.godwit.testing.ChildJvm;
import io.godwit.testing.InUseClientProcess;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The "in use" hold, with clients in real JVMs: a change of schema waits for them, then refuses
 * naming each one and changes nothing; clients share the store; a dead client blocks nothing; a
 * client waits while a change holds the store. Fixture: subsystem {@code app} at version 1, applied;
 * tests add version 2 as the "newer release".
 */
public abstract class InUseContractTest {
    @TempDir
    protected Path temp;
    protected MigrationFolder app;

    /** The child's database argument: {@code sqlite:FILE} or {@code postgresql:URL|USER|PASSWORD|SCHEMA}. */
    protected abstract String target();

    /** A configuration of the same database, with no subsystem yet. */
    protected abstract GodwitConfiguration.Builder configure();

    /** The scope of the migration files: {@code sqlite} or {@code postgresql}. */
    protected abstract String scope();

    @BeforeEach
    void appliedVersionOne() {
        app = new MigrationFolder(temp.resolve("app"), scope());
        app.add(1, "items", "CREATE TABLE items (id INTEGER PRIMARY KEY)");
        godwit().load().migrate();
    }

    protected GodwitConfiguration.Builder godwit() {
        return configure().subsystem(new Subsystem("app", new DirectorySource(app.dir()))).lockTimeout(Duration.ofSeconds(1));
    }

    private ChildJvm client() throws Exception {
        return ChildJvm.startAndAwaitReady(InUseClientProcess.class, List.of(target(), "app=" + app.dir()));
    }

    private int applied() {
        return godwit().load().status().subsystems().get(0).applied().size();
    }

    @Test
    void aMigrationWaitsForClientsThenRefusesNamingEachAndChangesNothing() throws Exception {
        try (ChildJvm first = client(); ChildJvm second = client()) {
            app.add(2, "names", "ALTER TABLE items ADD COLUMN name TEXT");

            assertThatThrownBy(() -> godwit().load().migrate()).isInstanceOfSatisfying(StoreInUseError.class, e -> {
                assertThat(e.holders()).hasSize(2);
                assertThat(e.getMessage()).contains("Cannot migrate").contains("2 clients still hold it")
                        .contains(String.valueOf(first.pid())).contains(String.valueOf(second.pid()))
                        .contains(InUseClientProcess.COMMAND).contains("Nothing was changed").contains("--force");
                assertThat(e.exitCode()).isEqualTo(6);
            });
            assertThat(applied()).isEqualTo(1);
        }
        assertThat(godwit().load().migrate().applied()).hasSize(1);
    }

    @Test
    void clientsOfACurrentStoreShareItAndAMigrationWithNothingPendingIgnoresThem() throws Exception {
        try (ChildJvm first = client(); ChildJvm second = client();
             InUseHold here = godwit().load().holdInUse("this test")) {
            assertThat(godwit().load().migrate().applied()).isEmpty();
            assertThat(first.isAlive() && second.isAlive()).isTrue();
        }
    }

    @Test
    void statusNamesTheHoldersAndCreatesNothing() throws Exception {
        assertThat(godwit().load().status().inUseBy()).isEmpty();
        try (ChildJvm client = client()) {
            assertThat(godwit().load().status().inUseBy()).singleElement().asString().contains("pid " + client.pid());
        }
        assertThat(godwit().load().status().inUseBy()).isEmpty();
    }

    @Test
    void aKilledClientBlocksNothing() throws Exception {
        ChildJvm client = client();
        client.kill();
        app.add(2, "names", "ALTER TABLE items ADD COLUMN name TEXT");

        assertThat(godwit().load().migrate().applied()).hasSize(1);
    }

    @Test
    void forceChangesTheStoreUnderItsClients() throws Exception {
        try (ChildJvm client = client()) {
            app.add(2, "names", "ALTER TABLE items ADD COLUMN name TEXT");

            assertThat(godwit().force(true).load().migrate().applied()).hasSize(1);
            assertThat(client.isAlive()).isTrue();
        }
    }

    @Test
    void aClientOfANewerReleaseWaitsForTheOldOnesAndRefuses() throws Exception {
        try (ChildJvm old = client()) {
            app.add(2, "names", "ALTER TABLE items ADD COLUMN name TEXT");

            assertThatThrownBy(this::client).isInstanceOf(AssertionError.class)
                    .hasMessageContaining("ERROR StoreInUseError").hasMessageContaining(String.valueOf(old.pid()));
            assertThat(applied()).isEqualTo(1);
        }
    }

    @Test
    void aClientWaitsWhileAChangeHoldsTheStoreThenGivesUpNamingIt() throws Exception {
        GodwitConfiguration config = godwit().build();
        InUseTracking tracking = (InUseTracking) config.database();
        try (InUseHold change = tracking.holdExclusive(null, InUseHolder.self("a test's change"), "migrate", Duration.ofSeconds(1))) {
            assertThatThrownBy(this::client).isInstanceOf(AssertionError.class)
                    .hasMessageContaining("ERROR " + LockTimeoutError.class.getSimpleName());
        }
        try (ChildJvm client = client()) {
            assertThat(client.isAlive()).isTrue();
        }
    }
}
