package io.godwit.backup;

import io.godwit.GodwitException;
import io.godwit.internal.Log;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The folder {@code backups} beside a database file: how backups there are named, found and
 * rotated. A backup belongs to a database when its manifest names a database file of the same name
 * (so the folder can be moved with its database). Only {@link BackupKind#BEFORE_MIGRATE} backups
 * are ever deleted.
 */
final class BackupFolder {
    private static final Log LOG = Log.get(BackupFolder.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'").withZone(ZoneOffset.UTC);

    private BackupFolder() {
    }

    static Path of(Path databaseFile) {
        return databaseFile.resolveSibling("backups");
    }

    /** {@code <folder>/<database stem>-<UTC time>-<kind>.<extension>}, made unique with a counter. */
    static Path newName(Path folder, Path databaseFile, BackupKind kind, String extension, Instant now) {
        String name = databaseFile.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String base = stem + "-" + STAMP.format(now) + "-" + kind.label();
        Path candidate = folder.resolve(base + "." + extension);
        for (int i = 2; Files.exists(candidate) || Files.exists(BackupManifest.pathOf(candidate)); i++) {
            candidate = folder.resolve(base + "-" + i + "." + extension);
        }
        return candidate;
    }

    /** The finished backups of {@code databaseFile} of one kind, newest first. Unreadable manifests are skipped. */
    static List<Backup> list(Path folder, Path databaseFile, BackupKind kind) {
        List<Backup> found = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return found;
        }
        String database = databaseFile.getFileName().toString();
        try (DirectoryStream<Path> manifests = Files.newDirectoryStream(folder, "*" + BackupManifest.SUFFIX)) {
            for (Path manifestFile : manifests) {
                String name = manifestFile.getFileName().toString();
                Path backup = folder.resolve(name.substring(0, name.length() - BackupManifest.SUFFIX.length()));
                try {
                    BackupManifest m = BackupManifest.read(backup);
                    if (m.kind() == kind && Path.of(m.database()).getFileName().toString().equals(database)) {
                        found.add(new Backup(backup, m));
                    }
                } catch (GodwitException e) {
                    LOG.warn("Skipping {}: {}", manifestFile, e.getMessage());
                }
            }
        } catch (IOException e) {
            throw new GodwitException("Cannot list backups in " + folder + ": " + e.getMessage(), e);
        }
        found.sort(Comparator.comparing((Backup b) -> b.manifest().created())
                .thenComparing(b -> b.file().getFileName().toString()).reversed());
        return found;
    }

    /** Deletes one backup and its manifest (the file first: a lone manifest reads as unfinished). */
    static void delete(Path backup) {
        try {
            Files.deleteIfExists(backup);
            Files.deleteIfExists(BackupManifest.pathOf(backup));
            LOG.info("Deleted {}: the run committed nothing, so the database is as that backup holds it", backup);
        } catch (IOException e) {
            LOG.warn("Could not delete the backup {} of a run that committed nothing: {}", backup, e.getMessage());
        }
    }

    /** Deletes the automatic backups of {@code databaseFile} beyond the newest {@code keep}; returns what it deleted. */
    static List<Path> rotate(Path folder, Path databaseFile, int keep) {
        List<Backup> all = list(folder, databaseFile, BackupKind.BEFORE_MIGRATE);
        List<Path> deleted = new ArrayList<>();
        for (Backup old : all.subList(Math.min(keep, all.size()), all.size())) {
            try {
                // The file first: a manifest left alone by a crash is skipped as unfinished and retried.
                Files.deleteIfExists(old.file());
                Files.deleteIfExists(old.manifestFile());
                deleted.add(old.file());
                LOG.info("Deleted old automatic backup {} (keeping the newest {})", old.file(), keep);
            } catch (IOException e) {
                LOG.warn("Could not delete old automatic backup {}: {}", old.file(), e.getMessage());
            }
        }
        return deleted;
    }
}
