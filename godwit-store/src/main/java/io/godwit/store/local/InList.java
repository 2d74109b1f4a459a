package io.godwit.store.local;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.List;

/**
 * {@code IN (...)} over a list of values (record ids, row numbers) bound as parameters. On SQLite
 * the list is one parameter, a JSON array unpacked by {@code json_each}: a statement with 1,000
 * placeholders took longer to prepare than to run, and each placeholder is a native call to bind.
 * The plan is the same as for a literal list (SQLite sorts the values, then probes the index with
 * each). PostgreSQL gets one placeholder per value. Callers keep lists to {@link MetadataLoad#CHUNK}.
 */
final class InList {
    private static final ObjectMapper JSON = new ObjectMapper();

    private InList() {
    }

    /** {@code IN (...)} for {@code n} values, whose parameters are {@link #params}. */
    static String sql(boolean pg, int n) {
        return pg ? "IN (" + Jdbc.marks(n) + ")" : "IN (SELECT value FROM json_each(?))";
    }

    /** The parameters that {@link #sql} binds for {@code values} (strings or longs), in order. */
    static List<Object> params(boolean pg, List<?> values) {
        if (pg) {
            return List.copyOf(values);
        }
        try {
            return List.of(JSON.writeValueAsString(values));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a list of strings or longs always serialises", e);
        }
    }
}
