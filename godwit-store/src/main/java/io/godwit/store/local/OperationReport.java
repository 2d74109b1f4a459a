package io.godwit.store.local;

import io.godwit.internal.Log;
import io.godwit.store.StoreListener;
import io.godwit.store.StoreOperation;

import java.time.Duration;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/**
 * Runs one collection call and tells the store's {@link StoreListener} how long it took and how many
 * records it touched, or that it failed. With no listener it only runs the call. The collection's name is
 * a field of the log lines written meanwhile ({@code collection} in a JSON log).
 */
final class OperationReport {
    private OperationReport() {
    }

    static <T> T run(Store store, StoreOperation kind, CollectionRow row, Supplier<T> call, ToLongFunction<T> records) {
        try (Log.Fields fields = Log.fields("collection", row.name())) {
            return report(store, kind, row, call, records);
        }
    }

    private static <T> T report(Store store, StoreOperation kind, CollectionRow row, Supplier<T> call,
                                ToLongFunction<T> records) {
        StoreListener listener = store.listener();
        if (listener == StoreListener.NONE) {
            return call.get();
        }
        long start = System.nanoTime();
        T result;
        try {
            result = call.get();
        } catch (RuntimeException e) {
            listener.operationFailed(kind, row.name(), Duration.ofNanos(System.nanoTime() - start), e);
            throw e;
        }
        listener.operation(kind, row.name(), records.applyAsLong(result), Duration.ofNanos(System.nanoTime() - start));
        return result;
    }

    /** A write of {@code count} records, which returns nothing. */
    static void write(Store store, StoreOperation kind, CollectionRow row, int count, Runnable call) {
        run(store, kind, row, () -> {
            call.run();
            return null;
        }, ignored -> count);
    }
}
