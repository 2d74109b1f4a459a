package io.godwit.internal;

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
 */
public record Migration(String subsystem, int version, String description, String filename,
                        String text, String hash, boolean noTransaction, String confirmReason) {

    public Optional<String> confirmation() {
        return Optional.ofNullable(confirmReason);
    }

    /** {@code sysdb/00001-collections.sqlite.sql}, for messages. */
    public String path() {
        return subsystem + "/" + filename;
    }
}
