package io.godwit.backup;

import io.godwit.GodwitException;

/** Why a backup was taken; it decides what rotation may delete and what rollback restores. */
public enum BackupKind {
    /** Asked for by an operator ({@code godwit backup}); never deleted by Godwit. */
    MANUAL("manual"),
    /** Taken by {@code migrate} before it applied anything; the newest N are kept; rollback restores the newest. */
    BEFORE_MIGRATE("before-migrate"),
    /** The database a restore replaced; never deleted by Godwit, since it may hold the only copy of newer rows. */
    BEFORE_RESTORE("before-restore");

    private final String label;

    BackupKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static BackupKind parse(String label) {
        for (BackupKind kind : values()) {
            if (kind.label.equals(label)) {
                return kind;
            }
        }
        throw new GodwitException("Unknown backup kind '" + label + "' in a manifest");
    }
}
