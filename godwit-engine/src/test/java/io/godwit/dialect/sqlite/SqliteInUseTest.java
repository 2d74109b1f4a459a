package io.godwit.dialect.sqlite;

import io.godwit.Godwit;
import io.godwit.GodwitConfiguration;
import io.godwit.StoreInUseError;
import io.godwit.contract.InUseContractTest;
import io.godwit.testing.ChildJvm;
import io.godwit.testing.InUseClientProcess;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The in-use contract on a SQLite file, plus what only a file has: restore, and the hold's folder. */
class SqliteInUseTest extends InUseContractTest {

    private Path db() {
        return temp.resolve("store.sqlite3");
    }

    @Override
    protected String target() {
        return "sqlite:" + db();
    }

    @Override
    protected GodwitConfiguration.Builder configure() {
        return Godwit.configure().sqlite(db());
    }

    @Override
    protected String scope() {
        return "sqlite";
    }

    @Test
    void restoreAndRepairRefuseWhileAClientHoldsTheStore() throws Exception {
        Path backup = godwit().load().backup(temp.resolve("b.sqlite3")).file();
        byte[] before = Files.readAllBytes(db());
        try (ChildJvm client = ChildJvm.startAndAwaitReady(InUseClientProcess.class, List.of(target(), "app=" + app.dir()))) {
            assertThatThrownBy(() -> godwit().load().restore(backup)).isInstanceOf(StoreInUseError.class)
                    .hasMessageContaining("Cannot restore").hasMessageContaining(String.valueOf(client.pid()));
            assertThatThrownBy(() -> godwit().load().repair("app", 1, "test")).isInstanceOf(StoreInUseError.class)
                    .hasMessageContaining("Cannot repair");
            assertThat(Files.readAllBytes(db())).isEqualTo(before);
        }
    }

    @Test
    void theHoldLivesBesideTheMigrationLockAndAClosedClientLeavesNoHolderFile() throws Exception {
        Path folder = temp.resolve("store.sqlite3.godwit-inuse");
        try (ChildJvm client = ChildJvm.startAndAwaitReady(InUseClientProcess.class, List.of(target(), "app=" + app.dir()))) {
            try (var files = Files.list(folder)) {
                assertThat(files.map(p -> p.getFileName().toString())).contains("gate").anyMatch(n -> n.endsWith(".holder"));
            }
        }
        try (var files = Files.list(folder)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("gate");
        }
    }
}
