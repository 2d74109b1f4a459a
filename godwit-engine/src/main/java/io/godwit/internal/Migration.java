package io.godwit.internal;

import io.godwit.JavaMigration;

import java.util.Optional;

/**
 * One migration as the engine runs it: where it belongs, its normalized text and hash, and the
 * directives written in its leading comment lines.
 *
 * @param subsystem     the history it belongs to (the {@code dir} column)
 * @param text          the file's text with BOM and carriage returns removed: what is hashed,
 *                      stored in the history's {@code sql} column and executed
 * @param noTransaction {@code -- godwit:no-transaction}: runs alone, outside the run's transaction
 * @param confirmReason {@code -- godwit:confirm <reason>}: applied only when an operator confirms
 * @param java          the Java migration to run instead of SQL text, or null
 * @param repeatable    an {@code R-} file: no version; re-applied whenever its hash changes
 */
public record Migration(String subsystem, int version, String description, String filename,
                        String text, String hash, boolean noTransaction, String confirmReason,
                        JavaMigration java, boolean repeatable) {

    /** A versioned SQL file. */
    static Migration sql(String subsystem, MigrationFileName name, String text, String hash) {
        Directives d = Directives.read(text);
        return new Migration(subsystem, name.version(), name.description(), name.filename(), text, hash,
                d.noTransaction(), d.confirmReason(), null, name.repeatable());
    }

    /** A Java migration: its history text is a descriptor, hashed with the declared checksum. */
    static Migration java(String subsystem, JavaMigration m, io.godwit.HashAlgorithm algorithm) {
        String descriptor = "-- java migration " + m.getClass().getName() + " checksum " + m.checksum();
        String filename = String.format("%05d-%s.java", m.version(), m.description());
        return new Migration(subsystem, m.version(), m.description(), filename, descriptor,
                algorithm.hash(descriptor), false, null, m, false);
    }

    public Optional<String> confirmation() {
        return Optional.ofNullable(confirmReason);
    }

    /**
     * True for a SQL file without a statement (whitespace and comments only). Computed on demand:
     * only pending migrations are asked, so validating a long history splits nothing.
     */
    public boolean empty() {
        if (java != null) {
            return false;
        }
        String[] parts = filename.split("\\.");
        String scope = parts.length >= 3 ? parts[parts.length - 2] : "sqlite";
        return SqlScriptSplitter.split(text, SqlFlavors.of(scope)).isEmpty();
    }

    /** {@code sysdb/00001-collections.sqlite.sql}, for messages. */
    public String path() {
        return subsystem + "/" + filename;
    }
}
