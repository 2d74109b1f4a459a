package io.godwit.dialect.sqlite;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The "in use" gate file of one SQLite store in this JVM: {@code <database>.godwit-inuse}, on which
 * clients hold a shared OS lock and a change an exclusive one. POSIX locks belong to the process
 * and closing any channel on the file drops them all, so the JVM keeps one channel per file, never
 * closed, and counts its shared holders itself: the OS sees one shared lock per process.
 */
final class SqliteGate {
    private static final ConcurrentHashMap<Path, SqliteGate> GATES = new ConcurrentHashMap<>();

    private final FileChannel channel;
    private FileLock lock;
    private int shared;
    private boolean exclusive;

    private SqliteGate(FileChannel channel) {
        this.channel = channel;
    }

    static SqliteGate of(Path file) {
        return GATES.computeIfAbsent(file.toAbsolutePath().normalize(), p -> {
            try {
                return new SqliteGate(FileChannel.open(p, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException("Cannot open " + p + ": " + e.getMessage(), e);
            }
        });
    }

    /** One more shared holder in this process; false while a change (here or elsewhere) holds it. */
    synchronized boolean tryShared() throws IOException {
        if (exclusive) {
            return false;
        }
        if (shared == 0) {
            lock = channel.tryLock(0, Long.MAX_VALUE, true);
            if (lock == null) {
                return false;
            }
        }
        shared++;
        return true;
    }

    synchronized void releaseShared() throws IOException {
        if (--shared == 0) {
            lock.release();
            lock = null;
        }
    }

    /** This process holds it in use itself: a change from here would wait for its own clients. */
    synchronized boolean sharedHere() {
        return shared > 0;
    }

    /** The store to this change alone; false while anyone holds it. The file then names the change. */
    synchronized boolean tryExclusive(String self) throws IOException {
        if (exclusive || shared > 0) {
            return false;
        }
        lock = channel.tryLock(0, Long.MAX_VALUE, false);
        if (lock == null) {
            return false;
        }
        exclusive = true;
        channel.truncate(0);
        channel.write(ByteBuffer.wrap((self + "\n").getBytes(StandardCharsets.UTF_8)), 0);
        return true;
    }

    synchronized void releaseExclusive() throws IOException {
        channel.truncate(0);
        lock.release();
        lock = null;
        exclusive = false;
    }

    /** The change that holds it, as it wrote itself; blank when none says. */
    synchronized String text() throws IOException {
        ByteBuffer buf = ByteBuffer.allocate((int) Math.min(4096, channel.size()));
        channel.read(buf, 0);
        return new String(buf.array(), 0, buf.position(), StandardCharsets.UTF_8).strip();
    }
}
