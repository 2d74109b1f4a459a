package io.godwit;

import java.util.List;
import java.util.Set;

/**
 * Who wrote a history that is not this configuration's: another tool recognised by what it
 * records (its files' hashes), e.g. a Chroma {@code chroma.sqlite3}. Found by a
 * {@link io.godwit.spi.HistoryRecognizer}; {@code status} reports it instead of comparing those
 * subsystems with files they were never written from, and {@code validate}/{@code migrate} refuse
 * such a database with {@link ForeignHistoryError}.
 *
 * @param writer     who wrote it and which releases could have, e.g. "Chroma 1.0.0 to 1.2.2"
 * @param subsystems the subsystems whose history it wrote
 * @param problems   recorded rows the writer's releases never shipped (e.g. a file modified after
 *                   it was applied), one sentence each; empty when every row is the writer's own
 * @param advice     what to do instead, a sentence naming a command
 */
public record HistoryOrigin(String writer, Set<String> subsystems, List<String> problems, String advice) {
    public HistoryOrigin {
        subsystems = Set.copyOf(subsystems);
        problems = List.copyOf(problems);
    }

    /** One paragraph for a message: who wrote it, what does not match, what to do. */
    public String describe(String database) {
        StringBuilder text = new StringBuilder("Database " + database + " was written by " + writer
                + ", not by Godwit: its history records that tool's own migration files, not Godwit's.");
        problems.forEach(p -> text.append(' ').append(p));
        return text.append(' ').append(advice).toString();
    }
}
