package io.godwit.release;

import java.util.Objects;

/**
 * A subsystem's opt-in to the release policy: the release its files belong to now (the code's
 * version: Godwit's own for the built-in subsystems, the application's for a custom one) and the
 * manifest of which release introduced each file. Without it a subsystem has no release notion:
 * status reports no releases for it, and {@link ReleasePolicy} skips it.
 *
 * @param current  the release being built or run, e.g. 0.2.0-SNAPSHOT
 * @param manifest which earlier release introduced each file; files it does not list are {@code current}'s
 */
public record SubsystemReleases(Release current, ReleaseManifest manifest) {
    public SubsystemReleases {
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(manifest, "manifest");
    }

    /** The release that introduced a version this code knows: the manifest's, else the current one's. */
    public Release releaseOf(String subsystem, int version) {
        return manifest.introducedBy(subsystem, version).orElse(current.base());
    }
}
