package io.godwit.dialect.sqlite;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who holds a SQLite store in use: a folder {@code <database>.godwit-inuse.d} with one file per
 * holder, naming it, on which the holder keeps an exclusive OS lock. A file whose lock can be taken
 * belongs to a process that is gone, and is removed. A file is locked under a temporary name and
 * renamed into place, so that a reader never finds a live holder's file unlocked.
 */
final class SqliteHolders {
    private static final String SUFFIX = ".holder";
    /** This JVM's own holder files and their text: never opened by a reader here, since closing would drop their locks. */
    private static final Map<Path, String> OWN = new ConcurrentHashMap<>();

    private SqliteHolders() {
    }

    /** One holder's registration; closing removes it. */
    record Registration(Path file, FileChannel channel, FileLock lock) {
        void remove() throws IOException {
            OWN.remove(file);
            try {
                Files.deleteIfExists(file);
            } finally {
                lock.release();
                channel.close();
            }
        }
    }

    static Registration register(Path folder, String description) throws IOException {
        Files.createDirectories(folder);
        String name = ProcessHandle.current().pid() + "-" + UUID.randomUUID();
        Path temp = folder.resolve("." + name + ".tmp");
        Path file = folder.resolve(name + SUFFIX);
        FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ, StandardOpenOption.WRITE);
        try {
            FileLock lock = channel.lock();
            channel.write(ByteBuffer.wrap((description + "\n").getBytes(StandardCharsets.UTF_8)), 0);
            OWN.put(file, description);
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
            return new Registration(file, channel, lock);
        } catch (IOException | RuntimeException e) {
            OWN.remove(file);
            channel.close();
            Files.deleteIfExists(temp);
            throw e;
        }
    }

    /** Every live holder's description; files left by dead processes are removed on the way. */
    static List<String> live(Path folder) throws IOException {
        List<String> holders = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return holders;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*" + SUFFIX)) {
            for (Path file : files) {
                String own = OWN.get(file);
                String holder = own != null ? own + " (this process)" : liveOther(file);
                if (holder != null) {
                    holders.add(holder);
                }
            }
        }
        return holders;
    }

    /** Every live holder's description, reading only: nothing is created or removed. */
    static List<String> peek(Path folder) throws IOException {
        List<String> holders = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return holders;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*" + SUFFIX)) {
            for (Path file : files) {
                String own = OWN.get(file);
                if (own != null) {
                    holders.add(own + " (this process)");
                } else if (heldElsewhere(file)) {
                    holders.add(read(file));
                }
            }
        }
        return holders;
    }

    private static boolean heldElsewhere(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            FileLock lock = channel.tryLock(0, Long.MAX_VALUE, true);
            if (lock != null) {
                lock.release();
                return false;
            }
            return true;
        } catch (OverlappingFileLockException e) {
            return true;
        } catch (java.nio.file.NoSuchFileException e) {
            return false;
        }
    }

    /** The description when another process holds the file; null (and the file removed) when it is gone. */
    private static String liveOther(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return read(file);
            }
            Files.deleteIfExists(file);
            return null;
        } catch (OverlappingFileLockException e) {
            return read(file);
        } catch (java.nio.file.NoSuchFileException e) {
            return null;
        }
    }

    private static String read(Path file) throws IOException {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (java.nio.file.NoSuchFileException e) {
            return "a holder that has just left";
        }
    }
}
