package io.godwit.store;

import io.godwit.release.Release;
import io.godwit.release.ReleaseManifest;
import io.godwit.release.SubsystemReleases;

/**
 * The built-in subsystems' releases: Godwit's own version, and the manifest beside the migration
 * folders ({@code io/godwit/store/migrations/releases.tsv}) of which Godwit release introduced
 * each built-in migration. {@code BuiltinReleasePolicyTest} holds the files to the policy.
 */
public final class BuiltinReleases {
    public static final String MANIFEST = "io/godwit/store/migrations/releases.tsv";
    private static final ReleaseManifest LOADED = ReleaseManifest.classpath(MANIFEST, BuiltinReleases.class.getClassLoader());

    private BuiltinReleases() {
    }

    /** The manifest with this build's version; null when the build recorded no release version. */
    public static SubsystemReleases get() {
        return Release.godwit().map(r -> new SubsystemReleases(r, LOADED)).orElse(null);
    }

    public static ReleaseManifest manifest() {
        return LOADED;
    }
}
