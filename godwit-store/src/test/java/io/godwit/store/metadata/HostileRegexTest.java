package io.godwit.store.metadata;

import io.godwit.Godwit;
import io.godwit.store.BuiltinSubsystems;
import io.godwit.testing.TestDatabase;
import io.godwit.testing.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A pattern that backtracking engines (java.util.regex, PCRE) take exponential time on,
 * {@code (a+)+$} against a long run of a's ending in another character, completes: through the
 * SQLite function, through the PostgreSQL document check, and in matchesDocument. The timeout is
 * only a hang guard, far above what any of them needs; nothing here measures time.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class HostileRegexTest {
    private static final String DOCUMENT = "a".repeat(50_000) + "!";
    private static final Map<String, Object> HOSTILE = Map.of("$regex", "(a+)+$");

    @TempDir
    Path temp;

    @Test
    void matchesDocumentCompletes() {
        RecordFilter f = RecordFilter.parse(null, HOSTILE);
        assertThat(f.matchesDocument(DOCUMENT)).isFalse();
        assertThat(f.matchesDocument(DOCUMENT.substring(0, 1000))).isTrue();
    }

    @Test
    void theSqliteFunctionCompletes() throws Exception {
        Path file = temp.resolve("hostile.sqlite3");
        Godwit.configure().sqlite(file).subsystems(BuiltinSubsystems.all()).load().migrate();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            RecordFilter.registerFunctions(c);
            seed(c);
            assertThat(FilterTableContract.ids(c, false, RecordFilter.parse(null, HOSTILE))).isEqualTo("[short]");
            assertThat(FilterTableContract.ids(c, false, RecordFilter.parse(null, Map.of("$not_regex", "(a+)+$"))))
                    .isEqualTo("[long]");
        }
    }

    @Test
    void thePostgresDocumentCheckCompletes() throws Exception {
        TestDatabase db = TestPostgres.get().createDatabase();
        Godwit.configure().url(db.url()).user(db.user()).password(db.password())
                .subsystems(BuiltinSubsystems.all()).load().migrate();
        try (Connection c = db.connect()) {
            seed(c);
            assertThat(FilterTableContract.ids(c, true, RecordFilter.parse(null, HOSTILE))).isEqualTo("[short]");
        }
    }

    private static void seed(Connection c) throws Exception {
        String[][] rows = {{"1", "long", DOCUMENT}, {"2", "short", "aaaa"}};
        for (String[] row : rows) {
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO embeddings (id, segment_id, embedding_id, seq_id) VALUES (?, 'seg', ?, 1)")) {
                ps.setLong(1, Long.parseLong(row[0]));
                ps.setString(2, row[1]);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO embedding_fulltext_search (rowid, string_value) VALUES (?, ?)")) {
                ps.setLong(1, Long.parseLong(row[0]));
                ps.setString(2, row[2]);
                ps.executeUpdate();
            }
        }
    }
}
