package io.godwit.store.metadata;

import com.google.re2j.Pattern;
import io.godwit.store.StoreException;
import org.sqlite.Function;
import org.sqlite.SQLiteConnection;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The SQLite function {@code godwit_regexp(pattern, text)}: 1 when RE2/J finds {@code pattern} in
 * {@code text}, 0 otherwise, NULL for a NULL text. RE2/J runs in time linear in the text, so a
 * hostile pattern such as {@code (a+)+$} cannot stall a query. Patterns are compiled once per
 * connection (a small LRU cache: a query calls the function once per row with the same pattern).
 */
final class RegexFunction extends Function {
    static final String NAME = "godwit_regexp";
    private static final int CACHE = 64;

    private final Map<String, Pattern> patterns = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Pattern> eldest) {
            return size() > CACHE;
        }
    };

    static void register(Connection connection) {
        try {
            Function.create(connection.unwrap(SQLiteConnection.class), NAME, new RegexFunction(), 2,
                    Function.FLAG_DETERMINISTIC);
        } catch (SQLException e) {
            throw new StoreException(StoreException.Kind.INTERNAL,
                    "Cannot register the SQL function " + NAME + " ($regex filters) on the SQLite connection: "
                            + e.getMessage(), e);
        }
    }

    @Override
    protected void xFunc() throws SQLException {
        String text = value_text(1);
        if (text == null) {
            result();
            return;
        }
        result(pattern(value_text(0)).matcher(text).find() ? 1 : 0);
    }

    private synchronized Pattern pattern(String source) {
        return patterns.computeIfAbsent(source, p -> Pattern.compile(PerlClasses.unicode(p)));
    }
}
