package io.godwit.backup;

import io.godwit.ProgressListener;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Files that are either wholly there or not at all: written under a temporary name in the target's
 * own folder (so the rename cannot cross file systems), fsynced, renamed, and the folder fsynced so
 * the rename itself survives a power cut. Also the checksums, which are taken as bytes stream past.
 */
public final class DurableFiles {
    static final int CHUNK = 4 << 20;

    private DurableFiles() {
    }

    /** A fresh hidden name beside {@code target}; never the name of an existing file. */
    public static Path tempBeside(Path target) {
        return target.resolveSibling("." + target.getFileName() + ".tmp-" + UUID.randomUUID().toString().substring(0, 8));
    }

    public static void fsync(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
    }

    /** Makes a rename in {@code folder} durable. Some systems cannot open a folder; there it is skipped. */
    public static void fsyncFolder(Path folder) {
        try (FileChannel ch = FileChannel.open(folder, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // Windows cannot open a directory: NTFS journals the rename itself.
        }
    }

    /** Renames {@code from} over {@code to} in one step and makes it durable. */
    public static void moveAtomically(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("Cannot rename " + from + " to " + to + " atomically: " + e.getMessage(), e);
        }
        fsyncFolder(to.toAbsolutePath().getParent());
    }

    /**
     * Gives the finished {@code temp} its name {@code target}, which must not exist: a hard link
     * fails rather than replace a file another backup just took (a rename would replace it), then
     * the temporary name goes. Where links are not possible, a rename after a check.
     */
    public static void publishNew(Path temp, Path target) throws IOException {
        try {
            Files.createLink(target, temp);
        } catch (FileAlreadyExistsException e) {
            throw new FileAlreadyExistsException(target.toString(), null, "refusing to overwrite an existing file");
        } catch (UnsupportedOperationException | IOException e) {
            if (Files.exists(target)) {
                throw new FileAlreadyExistsException(target.toString(), null, "refusing to overwrite an existing file");
            }
            moveAtomically(temp, target);
            return;
        }
        Files.delete(temp);
        fsyncFolder(target.toAbsolutePath().getParent());
    }

    public static void writeString(Path target, String text) throws IOException {
        Path temp = tempBeside(target);
        try {
            Files.write(temp, text.getBytes(StandardCharsets.UTF_8), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            fsync(temp);
            moveAtomically(temp, target);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** The lowercase hex SHA-256 of a file, read once. */
    public static String sha256(Path file, ProgressListener progress, String task) throws IOException {
        MessageDigest digest = sha256();
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            long total = in.size();
            ProgressTicker ticker = new ProgressTicker(progress, task, total);
            ByteBuffer buffer = ByteBuffer.allocate(CHUNK);
            long done = 0;
            int n;
            while ((n = in.read(buffer)) >= 0) {
                buffer.flip();
                digest.update(buffer);
                buffer.clear();
                done += n;
                ticker.at(done);
            }
            ticker.finish(done);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /**
     * The SHA-256 of a finished file, with the file fsynced meanwhile: the sync waits on the disk
     * while the hash keeps a core busy, so together they cost about what the slower one costs.
     */
    public static String sha256AndFsync(Path file, ProgressListener progress, String task) throws IOException {
        CompletableFuture<Void> sync = CompletableFuture.runAsync(() -> {
            try {
                fsync(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, DurableFiles::daemon);
        String sha = sha256(file, progress, task);
        try {
            sync.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof UncheckedIOException u ? u.getCause() : new IOException(e.getCause());
        }
        return sha;
    }

    static void daemon(Runnable r) {
        Thread t = new Thread(r, "godwit-fsync");
        t.setDaemon(true);
        t.start();
    }

    /**
     * Copies {@code from} to the new file {@code to}, fsynced, and returns the SHA-256 of the bytes
     * written; see {@link HashingCopy}.
     */
    public static String copyHashing(Path from, Path to, ProgressListener progress, String task) throws IOException {
        return HashingCopy.copy(from, to, progress, task);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("JDK lacks SHA-256", e);
        }
    }

    static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // Best effort: a hidden temporary file left behind holds nothing anyone relies on.
        }
    }
}
