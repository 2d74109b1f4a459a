package io.godwit.spi;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * An optional ability of a {@link Database}: it can check its own storage. SQLite can (a damaged
 * file is a real risk for an embedded database); a server keeps its own. Detected by verify.
 */
public interface IntegrityCheckable {

    /** What the storage check found wrong; empty when the file is sound. Reads every page. */
    List<String> integrityProblems(Connection connection) throws SQLException;

    /** Rows whose foreign keys point nowhere, one line each; empty when none. */
    List<String> foreignKeyProblems(Connection connection) throws SQLException;
}
