package io.godwit;

import java.sql.Connection;
import java.util.Set;

/**
 * A migration written in Java, for data that SQL handles badly (re-encoding blobs, parsing JSON).
 * It takes its place in its subsystem's version sequence beside the SQL files, runs in the same
 * transaction as the rest of the run, and gets a history row like any other: its {@code sql}
 * column holds a readable descriptor, and its hash covers the class name and {@link #checksum()}.
 *
 * <p>Changing what a Java migration does means changing its checksum; a changed checksum on an
 * applied migration is an {@link InconsistentHashError}, exactly like an edited file.
 */
public interface JavaMigration {

    /** Its place in the subsystem's sequence, like a file's version. */
    int version();

    /** Lowercase words with dashes, like a file's description. */
    String description();

    /** The database scopes it runs on ({@code sqlite}, {@code postgresql}); others need a SQL file of this version. */
    Set<String> scopes();

    /** Declared by the author; changed whenever the migration's behaviour changes. */
    String checksum();

    /**
     * Does the work on the run's connection, inside its transaction: do not commit, roll back
     * or close it. Throwing rolls back the whole run.
     */
    void migrate(Connection connection) throws Exception;
}
