package io.godwit.release;

import io.godwit.GodwitException;
import io.godwit.HashAlgorithm;
import io.godwit.Subsystem;
import io.godwit.internal.Migration;
import io.godwit.internal.SourceCatalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The compatibility promise, checked at build time: a patch release adds no migration; a minor
 * release adds only migrations that run by themselves (none marked {@code -- godwit:confirm});
 * a major release may add confirm-marked ones, whose reason names the release-notes section; and
 * a migration that shipped in an earlier release never changes, moves or disappears. Run it in a
 * test with the project's version ({@code ReleasePolicy.check(subsystems, release)}) so that
 * {@code mvn verify} fails before a release could break a store.
 */
public final class ReleasePolicy {
    /** The scopes whose files are checked: every database Godwit migrates. */
    static final List<String> SCOPES = List.of("sqlite", "postgresql");
    /** What a confirm reason of a major release must contain, to point an operator to the notes. */
    public static final String NOTES_WORDS = "release notes";

    private ReleasePolicy() {
    }

    /**
     * Every breach of the policy by these subsystems' files as release {@code project} would ship
     * them, one sentence each naming the file and what to do; empty when none. Subsystems without
     * {@link Subsystem#releases()} are skipped. Reads the sources; writes nothing.
     */
    public static List<String> check(List<Subsystem> subsystems, Release project) {
        List<String> problems = new ArrayList<>();
        for (Subsystem s : subsystems) {
            if (s.releases() != null) {
                new SubsystemCheck(s, project, files(s)).run(problems);
            }
        }
        return problems;
    }

    /** Throws one error listing every breach, for a build-time test. */
    public static void requireCompliant(List<Subsystem> subsystems, Release project) {
        List<String> problems = check(subsystems, project);
        if (!problems.isEmpty()) {
            throw new GodwitException("Release " + project + " would break the compatibility policy:\n  "
                    + String.join("\n  ", problems));
        }
    }

    /**
     * The manifest lines that record, with their hashes, the files that release {@code release}
     * introduces and the manifest does not yet list: what to add to the manifest when it ships.
     */
    public static List<String> freezeLines(Subsystem subsystem, Release release) {
        List<String> lines = new ArrayList<>();
        for (Migration m : files(subsystem).values()) {
            ReleaseManifest.Entry listed = subsystem.releases().manifest().entry(subsystem.name(), m.filename()).orElse(null);
            if (listed == null || (listed.release().equals(release.base()) && listed.sha256() == null)) {
                lines.add(new ReleaseManifest.Entry(release.base(), subsystem.name(), m.version(), m.filename(), m.hash()).line());
            }
        }
        return lines;
    }

    /** Every versioned file of every scope (and each Java migration once), by file name, hashed with SHA-256. */
    static Map<String, Migration> files(Subsystem subsystem) {
        Map<String, Migration> files = new LinkedHashMap<>();
        for (String scope : SCOPES) {
            for (Migration m : SourceCatalog.load(List.of(subsystem), scope, HashAlgorithm.SHA256).migrations(subsystem.name())) {
                files.putIfAbsent(m.filename(), m);
            }
        }
        return files;
    }

    static boolean namesNotes(String reason) {
        return reason.toLowerCase(Locale.ROOT).contains(NOTES_WORDS);
    }
}
