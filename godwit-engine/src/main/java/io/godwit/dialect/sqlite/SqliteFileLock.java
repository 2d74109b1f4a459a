package io.godwit.dialect.sqlite;

import io.godwit.GodwitException;
import io.godwit.LockTimeoutError;
import io.godwit.spi.MigrationLock;
import io.godwit.internal.Log;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The migration lock of a SQLite database: an OS lock on a file beside it, which the kernel drops
 * when the holding process dies, so a crashed migrator never blocks the next one. The file's text
 * names the holder (pid, host, since) for the timeout message; a holder that releases cleanly
 * empties it, so text found by a new holder is the trace of a dead one, and is logged as taken over.
 *
 * <p>POSIX locks belong to the process, and closing any channel on the file drops them all; so
 * threads of one JVM first queue on a per-file semaphore and only the winner touches the file.
 *
 * <p>The holder may remove the file (a failed first run leaves nothing behind): a waiter that had
 * opened it before then gets the lock of a file no longer at the path. So a new holder checks that
 * the path still names the file it locked (by inode, through stat); if not, it locks the file now
 * at the path instead. Two processes never both believe they hold the lock.
 */
final class SqliteFileLock implements MigrationLock {
    private static final Log LOG = Log.get(SqliteFileLock.class);
    private static final ConcurrentHashMap<Path, Semaphore> IN_PROCESS = new ConcurrentHashMap<>();
    private static final ConcurrentHashMap<Path, String> IN_PROCESS_HOLDER = new ConcurrentHashMap<>();
    private static final long POLL_MILLIS = 25;

    private final Path path;
    private final FileChannel channel;
    private final FileLock lock;
    private final Semaphore gate;

    private SqliteFileLock(Path path, FileChannel channel, FileLock lock, Semaphore gate) {
        this.path = path;
        this.channel = channel;
        this.lock = lock;
        this.gate = gate;
    }

    static SqliteFileLock acquire(Path path, Duration timeout, String database) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Semaphore gate = IN_PROCESS.computeIfAbsent(path, p -> new Semaphore(1, true));
        try {
            if (!gate.tryAcquire(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                throw new LockTimeoutError(database, IN_PROCESS_HOLDER.getOrDefault(path, "another thread of this process"), timeout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GodwitException("Interrupted while waiting for the migration lock on " + database, e);
        }
        try {
            return lockFile(path, deadline, timeout, database, gate);
        } catch (RuntimeException e) {
            gate.release();
            throw e;
        }
    }

    private static SqliteFileLock lockFile(Path path, long deadline, Duration timeout, String database, Semaphore gate) {
        FileChannel channel = null;
        try {
            Object key = null;
            while (true) {
                if (channel == null) {
                    Opened opened = open(path);
                    channel = opened.channel();
                    key = opened.key();
                }
                FileLock lock = channel.tryLock();
                if (lock != null) {
                    if (!Objects.equals(key, keyAt(path))) {
                        // The holder we waited for removed the file: lock the one at the path now.
                        lock.release();
                        channel.close();
                        channel = null;
                        continue;
                    }
                    String previous = read(channel);
                    if (!previous.isBlank()) {
                        LOG.warn("Taking over the migration lock of {} left by a process that is gone ({})", database, previous);
                    }
                    String me = describeSelf();
                    write(channel, me);
                    IN_PROCESS_HOLDER.put(path, me);
                    return new SqliteFileLock(path, channel, lock, gate);
                }
                if (System.nanoTime() >= deadline) {
                    String holder = read(channel);
                    throw new LockTimeoutError(database, holder.isBlank() ? "an unknown process" : holder, timeout);
                }
                Thread.sleep(POLL_MILLIS);
            }
        } catch (IOException e) {
            closeQuietly(channel);
            throw new GodwitException("Cannot lock " + path + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            closeQuietly(channel);
            Thread.currentThread().interrupt();
            throw new GodwitException("Interrupted while waiting for the migration lock on " + database, e);
        } catch (RuntimeException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    /** A channel on the lock file and the file's identity (its inode; null where the OS gives none). */
    private record Opened(FileChannel channel, Object key) {
    }

    /**
     * Opens (creating) the file at {@code path}, and its folder if a holder removed that too. The
     * path names the same file just before and just after the open, so the channel is on that file;
     * identities are read with stat, never by opening the file: closing any descriptor of a locked
     * file would drop this process's lock on it.
     */
    private static Opened open(Path path) throws IOException {
        while (true) {
            Object before = keyAt(path);
            FileChannel channel;
            try {
                channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            } catch (NoSuchFileException e) {
                Files.createDirectories(path.getParent());
                continue;
            }
            Object after = keyAt(path);
            if (before != null && before.equals(after) || after == null && before == null && Files.exists(path)) {
                return new Opened(channel, after);
            }
            channel.close();   // created now, or replaced meanwhile: the next turn finds it in place
        }
    }

    /** The identity of the file now at {@code path}; null when there is none or the OS gives none. */
    private static Object keyAt(Path path) throws IOException {
        try {
            return Files.readAttributes(path, BasicFileAttributes.class).fileKey();
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    @Override
    public void close() {
        try {
            channel.truncate(0);   // not forced: the text only feeds a message, and an fsync costs milliseconds
        } catch (IOException e) {
            LOG.debug("Could not clear lock file {}", path, e);
        } finally {
            IN_PROCESS_HOLDER.remove(path);
            try {
                lock.release();
            } catch (IOException e) {
                LOG.debug("Could not release lock {}", path, e);
            }
            closeQuietly(channel);
            gate.release();
        }
    }

    private static String describeSelf() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            host = "unknown-host";
        }
        return "pid " + ProcessHandle.current().pid() + " on host " + host + " since " + Instant.now()
                + " (" + ManagementFactory.getRuntimeMXBean().getName() + ")";
    }

    private static String read(FileChannel channel) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate((int) Math.min(4096, channel.size()));
        channel.read(buf, 0);
        return new String(buf.array(), 0, buf.position(), StandardCharsets.UTF_8).strip();
    }

    private static void write(FileChannel channel, String text) throws IOException {
        channel.truncate(0);
        channel.write(ByteBuffer.wrap((text + "\n").getBytes(StandardCharsets.UTF_8)), 0);
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing to add to the error already on its way
            }
        }
    }
}
