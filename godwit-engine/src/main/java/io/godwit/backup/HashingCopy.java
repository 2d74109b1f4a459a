package io.godwit.backup;

import io.godwit.ProgressListener;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * A copy that hashes what it writes on a second thread. The copying thread reads a chunk, writes
 * it, and hands it to the hashing thread, which returns it to a small pool when done; so a chunk is
 * never reused before it is both written and hashed, and memory stays at a few chunks.
 */
final class HashingCopy {
    private static final int BUFFERS = 4;
    private static final ByteBuffer END = ByteBuffer.allocate(0);

    private HashingCopy() {
    }

    static String copy(Path from, Path to, ProgressListener progress, String task) throws IOException {
        BlockingQueue<ByteBuffer> free = new ArrayBlockingQueue<>(BUFFERS);
        BlockingQueue<ByteBuffer> toHash = new ArrayBlockingQueue<>(BUFFERS + 1);
        for (int i = 0; i < BUFFERS; i++) {
            free.add(ByteBuffer.allocate(DurableFiles.CHUNK));
        }
        MessageDigest digest = DurableFiles.sha256();
        CompletableFuture<String> hasher = CompletableFuture.supplyAsync(() -> hashAll(toHash, free, digest), HashingCopy::daemon);
        try (FileChannel in = FileChannel.open(from, StandardOpenOption.READ);
             FileChannel out = FileChannel.open(to, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ProgressTicker ticker = new ProgressTicker(progress, task, in.size());
            long done = 0;
            while (true) {
                ByteBuffer buffer = free.take();
                buffer.clear();
                if (in.read(buffer) < 0) {
                    free.add(buffer);
                    break;
                }
                buffer.flip();
                while (buffer.hasRemaining()) {
                    out.write(buffer);
                }
                buffer.flip();
                done += buffer.remaining();
                toHash.put(buffer);
                ticker.at(done);
            }
            toHash.put(END);
            out.force(true);
            String sha = hasher.get();
            ticker.finish(done);
            return sha;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted while copying " + from);
        } catch (ExecutionException e) {
            throw new IOException("Hashing " + from + " failed: " + e.getCause(), e.getCause());
        } finally {
            toHash.offer(END); // lets the hashing thread end if the copy failed half-way
        }
    }

    private static String hashAll(BlockingQueue<ByteBuffer> toHash, BlockingQueue<ByteBuffer> free, MessageDigest digest) {
        try {
            while (true) {
                ByteBuffer buffer = toHash.take();
                if (buffer == END) {
                    return HexFormat.of().formatHex(digest.digest());
                }
                digest.update(buffer);
                free.add(buffer);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static void daemon(Runnable r) {
        Thread t = new Thread(r, "godwit-sha256");
        t.setDaemon(true);
        t.start();
    }
}
