package io.godwit.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.godwit.Version;
import io.godwit.testing.SqliteFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static io.godwit.cli.CliRunner.run;
import static org.assertj.core.api.Assertions.assertThat;

/** status's release answers, as text and JSON, on stores of the built-in subsystems. */
class ReleaseStatusCommandTest {
    @TempDir
    Path dir;

    @Test
    void aCurrentStoreSaysWhoMigratedItAndWhichReleaseEachMigrationCameFrom() throws Exception {
        Path data = dir.resolve("data");
        assertThat(run("migrate", "--path", data.toString()).exitCode()).isZero();

        CliRunner.Result text = run("status", "--path", data.toString());
        JsonNode json = Fixtures.json(run("status", "--path", data.toString(), "--json").out());

        assertThat(text.out()).contains("Releases: this is Godwit " + Version.get()
                        + "; the store was last migrated by Godwit " + Version.get() + " at ")
                .contains("Upgrade: current. Nothing to do")
                .containsPattern("  applied  00001  00001-collections\\.sqlite\\.sql  .*  release 0\\.1\\.0, applied by Godwit "
                        + Version.get().replace(".", "\\."));
        assertThat(json.get("godwit_version").asText()).isEqualTo(Version.get());
        assertThat(json.get("last_migrated_by").get("godwit_version").asText()).isEqualTo(Version.get());
        assertThat(json.get("upgrade").get("action").asText()).isEqualTo("current");
        assertThat(json.get("upgrade").get("reasons")).isEmpty();
        assertThat(json.get("in_use_by")).isEmpty();
        assertThat(text.out()).contains("In use by: no client");
        JsonNode sysdb = json.get("subsystems").get(0);
        assertThat(sysdb.get("release").get("code").asText()).isEqualTo(Version.get());
        assertThat(sysdb.get("applied").get(0).get("release").asText()).isEqualTo("0.1.0");
        assertThat(sysdb.get("applied").get(0).get("applied_by").asText()).isEqualTo(Version.get());
    }

    @Test
    void aNewStoreIsMigratedAutomatically() throws Exception {
        JsonNode json = Fixtures.json(run("status", "--db", dir.resolve("g.sqlite3").toString(), "--json").out());

        assertThat(json.get("upgrade").get("action").asText()).isEqualTo("migrate");
        assertThat(json.get("last_migrated_by").isNull()).isTrue();
        JsonNode sysdb = json.get("subsystems").get(0);
        assertThat(sysdb.get("release").get("store").isNull()).isTrue();
        assertThat(sysdb.get("pending").get(0).get("release").asText()).isEqualTo("0.1.0");
    }

    @Test
    void aStoreAheadOfThisReleaseIsRefusedNamingTheReleaseThatMigratedIt() throws Exception {
        Path data = dir.resolve("data");
        assertThat(run("migrate", "--path", data.toString()).exitCode()).isZero();
        Path db = data.resolve("godwit.sqlite3");
        SqliteFiles.execute(db, "INSERT INTO migrations VALUES ('sysdb', 99, '00099-future.sqlite.sql', 'SELECT 1', 'x')",
                "INSERT INTO godwit_migrations (dir, version, applied_at, godwit_version, state)"
                        + " VALUES ('sysdb', 99, '2099-01-01T00:00:00Z', '9.0.0', 'applied')");

        CliRunner.Result text = run("status", "--path", data.toString());
        JsonNode json = Fixtures.json(run("status", "--path", data.toString(), "--json").out());

        assertThat(text.exitCode()).isEqualTo(4);
        assertThat(text.out()).contains("the store was last migrated by Godwit 9.0.0")
                .contains("Upgrade: refuse. This release refuses the store: a newer release upgraded it (last migrated by Godwit 9.0.0)")
                .contains("  applied  00099  00099-future.sqlite.sql  2099-01-01T00:00:00Z  release unknown to this code, applied by Godwit 9.0.0");
        assertThat(json.get("upgrade").get("action").asText()).isEqualTo("refuse");
        assertThat(json.get("upgrade").get("reasons").get(0).asText()).contains("Database is ahead of this code in sysdb")
                .contains("A newer release (Godwit 9.0.0, this is " + Version.get() + ") upgraded this database");
        JsonNode sysdb = json.get("subsystems").get(0);
        assertThat(sysdb.get("applied").get(7).get("release").isNull()).isTrue();
        assertThat(sysdb.get("release").get("store").isNull()).isTrue();
    }
}
