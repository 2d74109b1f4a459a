package io.godwit.store.local;

import io.godwit.store.StoreException;

/** Checks a page request (limit, offset) the way every list and get does. */
final class Paging {
    private Paging() {
    }

    static void check(Integer limit, int offset) {
        if (limit != null && limit < 0) {
            throw StoreException.invalid("limit must be zero or more, got " + limit);
        }
        if (offset < 0) {
            throw StoreException.invalid("offset must be zero or more, got " + offset);
        }
    }
}
