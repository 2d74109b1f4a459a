package io.godwit.backup;

import io.godwit.ProgressListener;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * A copy whose checksum is taken over the bytes it wrote. The kernel copies (transferTo: no pass
 * through the JVM's heap, several times faster than reading and writing buffers here) on one
 * thread, and fsyncs when done; the calling thread hashes the copy, reading back only what the
 * copier has already written, a little behind it. So the whole costs about what hashing costs, and
 * the checksum vouches for the new file itself, not for the file it was copied from.
 */
final class HashingCopy {
    private static final long COPY_CHUNK = 64L << 20;

    private HashingCopy() {
    }

    static String copy(Path from, Path to, ProgressListener progress, String task) throws IOException {
        try (FileChannel in = FileChannel.open(from, StandardOpenOption.READ);
             FileChannel out = FileChannel.open(to, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
             FileChannel back = FileChannel.open(to, StandardOpenOption.READ)) {
            long size = in.size();
            AtomicLong copied = new AtomicLong();
            Thread hasher = Thread.currentThread();
            CompletableFuture<Void> copier = CompletableFuture.runAsync(() -> {
                try {
                    copyAll(in, out, size, copied, hasher);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                } finally {
                    LockSupport.unpark(hasher);
                }
            }, DurableFiles::daemon);
            String sha = hashBehind(back, copied, copier, new ProgressTicker(progress, task, size));
            try {
                copier.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof UncheckedIOException u ? u.getCause() : new IOException(e.getCause());
            }
            return sha;
        }
    }

    private static void copyAll(FileChannel in, FileChannel out, long size, AtomicLong copied, Thread hasher)
            throws IOException {
        long position = 0;
        while (position < size) {
            long n = in.transferTo(position, Math.min(COPY_CHUNK, size - position), out);
            if (n <= 0) {
                break; // the source shrank: the checksum of what was copied will not match, and says so
            }
            position += n;
            copied.set(position);
            LockSupport.unpark(hasher);
        }
        out.force(true);
    }

    /** Hashes the copy up to where the copier has got, until the copier is done and all is hashed. */
    private static String hashBehind(FileChannel back, AtomicLong copied, CompletableFuture<Void> copier,
                                     ProgressTicker ticker) throws IOException {
        MessageDigest digest = DurableFiles.sha256();
        ByteBuffer buffer = ByteBuffer.allocate(DurableFiles.CHUNK);
        long hashed = 0;
        while (true) {
            boolean done = copier.isDone(); // read before the position: a finished copier has published its last
            long available = copied.get();
            if (hashed < available) {
                buffer.clear();
                buffer.limit((int) Math.min(buffer.capacity(), available - hashed));
                int n = back.read(buffer, hashed);
                buffer.flip();
                digest.update(buffer);
                hashed += n;
                ticker.at(hashed);
            } else if (done) {
                ticker.finish(hashed);
                return HexFormat.of().formatHex(digest.digest());
            } else {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
            }
        }
    }
}
