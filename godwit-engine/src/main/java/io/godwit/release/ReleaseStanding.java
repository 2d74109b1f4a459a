package io.godwit.release;

import io.godwit.HistoryEntry;
import io.godwit.PlannedMigration;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Where one subsystem of a store stands between releases, as status reports it.
 *
 * @param code      the release this code is (e.g. 0.2.0-SNAPSHOT)
 * @param store     the release that introduced the newest applied migration: the schema's release;
 *                  null when nothing is applied, or when the newest applied migration is unknown
 *                  to this code (a newer release applied it)
 * @param versions  the release that introduced each applied or pending version this code knows
 */
public record ReleaseStanding(Release code, Release store, Map<Integer, Release> versions) {
    public ReleaseStanding {
        versions = Map.copyOf(versions);
    }

    /** Computed from what status found; versions above {@code newestKnown} have no release here. */
    public static ReleaseStanding of(String subsystem, SubsystemReleases releases, List<HistoryEntry> applied,
                                     List<PlannedMigration> pending, int newestKnown) {
        Map<Integer, Release> versions = new TreeMap<>();
        applied.stream().filter(e -> e.version() <= newestKnown)
                .forEach(e -> versions.put(e.version(), releases.releaseOf(subsystem, e.version())));
        pending.stream().filter(m -> !m.repeatable())
                .forEach(m -> versions.put(m.version(), releases.releaseOf(subsystem, m.version())));
        Release store = applied.isEmpty() ? null : versions.get(applied.get(applied.size() - 1).version());
        return new ReleaseStanding(releases.current(), store, versions);
    }

    public Optional<Release> releaseOf(int version) {
        return Optional.ofNullable(versions.get(version));
    }

    /** The store's schema comes from another series than this code: the upgrade is a major one. */
    public boolean crossesSeries() {
        return store != null && !store.sameSeries(code);
    }
}
