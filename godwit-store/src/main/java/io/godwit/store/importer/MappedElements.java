package io.godwit.store.importer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;

/**
 * A file of fixed-size elements (hnswlib's {@code data_level0.bin}, {@code length.bin}) mapped
 * read-only, in windows of whole elements (a mapping holds at most 2 GB), so that reading an
 * element is a memory read instead of a system call. Read-only: the mapping cannot write the
 * file. A file shortened while mapped (Chroma writing it meanwhile) faults on access: the caller
 * turns that {@link InternalError} into an error naming the file.
 */
final class MappedElements {
    private final MappedByteBuffer[] windows;
    private final long perWindow;
    private final long elementSize;

    private MappedElements(MappedByteBuffer[] windows, long perWindow, long elementSize) {
        this.windows = windows;
        this.perWindow = perWindow;
        this.elementSize = elementSize;
    }

    /** Maps the first {@code count} elements of {@code elementSize} bytes; the channel may be closed after. */
    static MappedElements map(FileChannel channel, long count, long elementSize) throws IOException {
        long perWindow = Math.max(1, Integer.MAX_VALUE / elementSize);
        int n = (int) ((count + perWindow - 1) / perWindow);
        MappedByteBuffer[] windows = new MappedByteBuffer[n];
        for (int w = 0; w < n; w++) {
            long first = w * perWindow;
            long elements = Math.min(perWindow, count - first);
            windows[w] = channel.map(FileChannel.MapMode.READ_ONLY, first * elementSize, elements * elementSize);
            windows[w].order(ByteOrder.LITTLE_ENDIAN);
        }
        return new MappedElements(windows, perWindow, elementSize);
    }

    /** Bytes {@code offset} to {@code offset + length} of element {@code index}, little-endian. */
    ByteBuffer slice(long index, long offset, int length) {
        MappedByteBuffer window = windows[(int) (index / perWindow)];
        int at = (int) ((index % perWindow) * elementSize + offset);
        return window.slice(at, length).order(ByteOrder.LITTLE_ENDIAN);
    }

    /** The byte at {@code offset} of element {@code index}. */
    byte get(long index, long offset) {
        return windows[(int) (index / perWindow)].get((int) ((index % perWindow) * elementSize + offset));
    }

    /** The little-endian long at {@code offset} of element {@code index}. */
    long getLong(long index, long offset) {
        return windows[(int) (index / perWindow)].getLong((int) ((index % perWindow) * elementSize + offset));
    }

    /** The little-endian float at {@code offset} of element {@code index}. */
    float getFloat(long index, long offset) {
        return windows[(int) (index / perWindow)].getFloat((int) ((index % perWindow) * elementSize + offset));
    }
}
