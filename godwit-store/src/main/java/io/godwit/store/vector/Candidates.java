package io.godwit.store.vector;

import java.util.Arrays;
import java.util.function.LongPredicate;

/**
 * The records a filtered query may return (row ids, from the metadata segment's SQL for
 * {@code where} / {@code whereDocument} / {@code ids}); immutable, sorted, without duplicates.
 */
public final class Candidates implements LongPredicate {
    private final long[] ids;

    private Candidates(long[] ids) {
        this.ids = ids;
    }

    public static Candidates of(long... ids) {
        long[] sorted = ids.clone();
        Arrays.sort(sorted);
        return new Candidates(Arrays.stream(sorted).distinct().toArray());
    }

    @Override
    public boolean test(long id) {
        return Arrays.binarySearch(ids, id) >= 0;
    }

    public int size() {
        return ids.length;
    }

    long id(int i) {
        return ids[i];
    }
}
