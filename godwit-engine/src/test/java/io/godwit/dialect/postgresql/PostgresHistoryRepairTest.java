package io.godwit.dialect.postgresql;

import io.godwit.Godwit;
import io.godwit.GodwitConfiguration;
import io.godwit.HashAlgorithm;
import io.godwit.InconsistentHashError;
import io.godwit.VerifyReport;
import io.godwit.contract.MigrationFolder;
import io.godwit.testing.TestDatabase;
import io.godwit.testing.TestPostgres;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * verify, repair and rehash are dialect-neutral: the same rules on PostgreSQL, in a schema whose
 * name needs quoting. Backup and restore are not offered by this dialect (yet), and say so.
 */
class PostgresHistoryRepairTest {
    private static final String SCHEMA = "Safe \"Schema\"";
    private static final String V1 = "CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT);";

    @TempDir
    Path temp;
    TestDatabase database;
    MigrationFolder alpha;

    @BeforeEach
    void database() {
        database = TestPostgres.get().createDatabase();
        alpha = new MigrationFolder(temp.resolve("alpha"), "postgresql");
        alpha.add(1, "items", V1);
        alpha.add(2, "seed", "INSERT INTO items (id, name) VALUES (1, 'one');");
        configure(HashAlgorithm.MD5).load().migrate();
    }

    private GodwitConfiguration.Builder configure(HashAlgorithm algorithm) {
        return Godwit.configure().url(database.url()).user(database.user()).password(database.password()).schema(SCHEMA)
                .subsystem("alpha", alpha.dir()).hashAlgorithm(algorithm);
    }

    private void execute(String sql) throws Exception {
        try (Connection c = database.connect(); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    @Test
    void verifyChecksTheHistoryAndFindsAHandEdit() throws Exception {
        VerifyReport ok = configure(HashAlgorithm.MD5).load().verify();
        assertThat(ok.ok()).isTrue();
        assertThat(ok.integrityChecked()).isFalse();
        assertThat(ok.historyRowsChecked()).isEqualTo(2);

        execute("UPDATE \"Safe \"\"Schema\"\"\".migrations SET sql = 'DROP TABLE items;' WHERE version = 2");

        assertThat(configure(HashAlgorithm.MD5).load().verify().history()).singleElement()
                .satisfies(p -> assertThat(p.version()).isEqualTo(2));
    }

    @Test
    void repairThenRehashThenValidateUnderSha256() {
        alpha.add(1, "items", V1 + " -- edited");
        assertThatThrownBy(() -> configure(HashAlgorithm.MD5).load().validate()).isInstanceOf(InconsistentHashError.class);

        configure(HashAlgorithm.MD5).load().repair("alpha", 1, "comment");
        configure(HashAlgorithm.MD5).load().validate();
        configure(HashAlgorithm.MD5).load().rehash(HashAlgorithm.SHA256);

        configure(HashAlgorithm.SHA256).load().validate();
        assertThat(configure(HashAlgorithm.SHA256).load().verify().ok()).isTrue();
        assertThatThrownBy(() -> configure(HashAlgorithm.MD5).load().validate())
                .hasMessageContaining("The history is hashed with sha256 but md5 is configured");
    }

    @Test
    void restoreAndRollbackPointToThePostgresTools() {
        assertThatThrownBy(() -> configure(HashAlgorithm.MD5).load().restore(temp.resolve("x.dump")))
                .hasMessageContaining("pg_restore");
        assertThatThrownBy(() -> configure(HashAlgorithm.MD5).load().planRollback())
                .hasMessageContaining("pg_restore");
    }
}
