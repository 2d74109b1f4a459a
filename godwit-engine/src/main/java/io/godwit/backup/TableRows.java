package io.godwit.backup;

/**
 * One table's row count in the live database and in a backup, for the report of what a restore
 * loses. A count of -1 means the table is not there.
 */
public record TableRows(String table, long current, long backup) {

    public boolean inCurrent() {
        return current >= 0;
    }

    public boolean inBackup() {
        return backup >= 0;
    }

    /**
     * Rows the restore takes away, net: the live count above the backup's. Rows updated in place
     * since the backup do not show in counts; the report says so.
     */
    public long lost() {
        return Math.max(0, Math.max(0, current) - Math.max(0, backup));
    }
}
