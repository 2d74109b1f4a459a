package io.godwit.store.metadata;

import io.godwit.store.StoreException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every row of {@code filter-cases.json}, compiled by {@link RecordFilter} and run on a real
 * database holding {@link FilterDataset}; subclasses give the database (SQLite, PostgreSQL), migrated
 * by the built-in subsystems. The rows expect what Chroma answers, but where
 * {@code chroma-differences.json} says otherwise (checked against the real peer by
 * {@link ChromaPeerFilterTest}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class FilterTableContract {
    private Connection connection;

    /** A connection to a freshly migrated, empty store database. */
    abstract Connection open() throws Exception;

    abstract boolean postgres();

    @BeforeAll
    void seed() throws Exception {
        connection = open();
        FilterDataset.seed(connection, postgres());
    }

    static List<FilterCase> cases() {
        return FilterCase.ALL;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void filterSelectsTheExpectedRecords(FilterCase c) throws SQLException {
        if (c.error() != null) {
            assertThatThrownBy(() -> RecordFilter.parse(c.whereMap(), c.whereDocumentMap()))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining(c.error())
                    .satisfies(e -> assertThat(((StoreException) e).kind()).isEqualTo(StoreException.Kind.INVALID_ARGUMENT));
            return;
        }
        RecordFilter filter = RecordFilter.parse(c.whereMap(), c.whereDocumentMap());
        assertThat(ids(connection, postgres(), filter)).isEqualTo(new TreeSet<>(c.ids()).toString());
    }

    /** The embedding ids the filter selects, sorted, read as the store reads them (documents checked where SQL cannot). */
    static String ids(Connection c, boolean postgres, RecordFilter filter) throws SQLException {
        List<Object> params = new ArrayList<>();
        String sql = "SELECT e.embedding_id, f.string_value FROM embeddings e"
                + " LEFT JOIN embedding_fulltext_search f ON f.rowid = e.id WHERE " + filter.sql(postgres, params);
        TreeSet<String> ids = new TreeSet<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.size(); i++) {
                ps.setObject(i + 1, params.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (!filter.needsDocumentCheck(postgres) || filter.matchesDocument(rs.getString(2))) {
                        ids.add(rs.getString(1));
                    }
                }
            }
        }
        return ids.toString();
    }
}
