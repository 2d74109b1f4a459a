package io.godwit.store.vector;

import java.util.Arrays;

/**
 * What {@code godwit verify} learns from one segment: the records the database holds that the index
 * would not answer ({@code missing}) and the ones it would answer that the database no longer holds
 * ({@code extra}), as row ids, sorted. Both empty: the index holds exactly the collection's records.
 */
public record IndexCheck(long[] missing, long[] extra) {

    /** Compares the segment's live rows with the database's, both sorted ascending. */
    static IndexCheck of(long[] database, long[] index) {
        return new IndexCheck(minus(database, index), minus(index, database));
    }

    public boolean ok() {
        return missing.length == 0 && extra.length == 0;
    }

    private static long[] minus(long[] a, long[] b) {
        return Arrays.stream(a).filter(x -> Arrays.binarySearch(b, x) < 0).toArray();
    }

    @Override
    public String toString() {
        return ok() ? "the index holds exactly the collection's records"
                : missing.length + " records missing from the index (e.g. row " + (missing.length > 0 ? missing[0] : "-")
                + "), " + extra.length + " in the index but not in the database (e.g. row "
                + (extra.length > 0 ? extra[0] : "-") + ")";
    }
}
