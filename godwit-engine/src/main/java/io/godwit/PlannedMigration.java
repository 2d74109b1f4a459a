package io.godwit;

/**
 * A migration a run would apply, in the order it would apply it.
 *
 * @param noTransaction  runs alone, outside the run's transaction
 * @param confirmReason  non-null when an operator must confirm it ({@code -- godwit:confirm})
 * @param attention      non-null when an earlier attempt started and did not finish (no-transaction)
 * @param repeatable     an {@code R-} migration (version 0), applied again because its hash changed
 * @param empty          a SQL file with no statement, only whitespace and comments: almost always a
 *                       mistake (a file saved empty, the SQL left in another file), so it is warned about
 */
public record PlannedMigration(String subsystem, int version, String filename, String description,
                               String sql, boolean noTransaction, String confirmReason, String attention,
                               boolean repeatable, boolean empty) {

    public PlannedMigration(String subsystem, int version, String filename, String description, String sql,
                            boolean noTransaction, String confirmReason, String attention, boolean repeatable) {
        this(subsystem, version, filename, description, sql, noTransaction, confirmReason, attention, repeatable, false);
    }

    /** The warning an empty migration gets, wherever it is shown. */
    public static final String EMPTY_WARNING = "holds no SQL statement, only whitespace and comments";
}
