package io.godwit.store.vector;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A persisted segment's folder: its index file and the lock that makes one process (one segment
 * object) at a time its writer. The lock is an OS file lock on {@code writer.lock}, released when
 * the holder closes or dies (a SIGKILL included), so a crashed writer never blocks the next one.
 * A segment that does not get it still reads the file at open and keeps its index in memory.
 */
final class SegmentFiles implements AutoCloseable {
    static final String INDEX = "index.gwvx";
    static final String LOCK = "writer.lock";

    private final Path dir;
    private final FileChannel lockChannel;
    private final FileLock lock;

    private SegmentFiles(Path dir, FileChannel lockChannel, FileLock lock) {
        this.dir = dir;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    static SegmentFiles open(Path dir) {
        try {
            Files.createDirectories(dir);
            FileChannel ch = FileChannel.open(dir.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = ch.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null; // another segment of this JVM writes the folder
            }
            return new SegmentFiles(dir, ch, lock);
        } catch (IOException e) {
            throw new UncheckedIOException("vector index: cannot open the segment folder " + dir
                    + " (check that it is writable): " + e.getMessage(), e);
        }
    }

    /** The folder for reading only: no lock taken, nothing created; never the writer. */
    static SegmentFiles readOnly(Path dir) {
        return new SegmentFiles(dir, null, null);
    }

    /** True when this segment may write the folder's files. */
    boolean writer() {
        return lock != null && lock.isValid();
    }

    Path index() {
        return dir.resolve(INDEX);
    }

    Path dir() {
        return dir;
    }

    IndexFile.Loaded load() throws DamagedIndexException {
        return IndexFile.read(index());
    }

    /** Writes the index file if this segment is the writer; returns whether it did. */
    boolean save(IndexHeader header, HnswIndex index) throws IOException {
        if (!writer()) {
            return false;
        }
        IndexFile.write(index(), header, index);
        return true;
    }

    /** Removes a segment's folder and what is in it (its collection was deleted or reconfigured); quietly. */
    static void delete(Path dir) {
        try (var files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.deleteIfExists(f);
            }
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            // Gone already, or not removable: a segment reopened there rebuilds (its parameters or epoch differ).
        }
    }

    @Override
    public void close() {
        try {
            if (lock != null && lock.isValid()) {
                lock.release();
            }
            if (lockChannel != null) {
                lockChannel.close();
            }
        } catch (IOException e) {
            // Closing releases the lock anyway; nothing is lost.
        }
    }
}
