package io.godwit;

/**
 * A migration a run would apply, in the order it would apply it.
 *
 * @param noTransaction  runs alone, outside the run's transaction
 * @param confirmReason  non-null when an operator must confirm it ({@code -- godwit:confirm})
 * @param attention      non-null when an earlier attempt started and did not finish (no-transaction)
 * @param repeatable     an {@code R-} migration (version 0), applied again because its hash changed
 */
public record PlannedMigration(String subsystem, int version, String filename, String description,
                               String sql, boolean noTransaction, String confirmReason, String attention,
                               boolean repeatable) {
}
