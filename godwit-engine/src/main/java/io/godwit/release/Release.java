package io.godwit.release;

import io.godwit.GodwitException;
import io.godwit.Version;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A release's version, {@code MAJOR.MINOR.PATCH} with an optional qualifier ({@code -SNAPSHOT}:
 * under way, not shipped). Its {@link #kind()} says what it may do to a store: a patch release
 * adds no migration, a minor release adds only migrations that run by themselves, a major release
 * may add ones an operator must confirm. Below 1.0 a minor version counts as major (semver's rule
 * for 0.x), so 0.2.0 is a major release and 0.2.1 a patch of it.
 */
public record Release(int major, int minor, int patch, String qualifier) implements Comparable<Release> {
    private static final Pattern FORM = Pattern.compile("(\\d+)\\.(\\d+)\\.(\\d+)(?:-([0-9A-Za-z.-]+))?");

    /** What a release may change in a store. */
    public enum Kind { MAJOR, MINOR, PATCH }

    public Release {
        if (major < 0 || minor < 0 || patch < 0) {
            throw new GodwitException("Bad release version " + major + "." + minor + "." + patch + ": parts must not be negative");
        }
        qualifier = qualifier == null || qualifier.isEmpty() ? null : qualifier;
    }

    /** Parses {@code 0.2.0} or {@code 0.2.0-SNAPSHOT}; anything else is refused with a message saying the form. */
    public static Release parse(String text) {
        Matcher m = text == null ? null : FORM.matcher(text.strip());
        if (m == null || !m.matches()) {
            throw new GodwitException("Bad release version '" + text + "': expected MAJOR.MINOR.PATCH, e.g. 0.2.0 or 0.2.0-SNAPSHOT");
        }
        return new Release(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)), m.group(4));
    }

    /** This build of Godwit, or empty when the build recorded no parsable version (a class-path run outside Maven). */
    public static Optional<Release> godwit() {
        try {
            return Optional.of(parse(Version.get()));
        } catch (GodwitException e) {
            return Optional.empty();
        }
    }

    /** The release without its qualifier: what 0.2.0-SNAPSHOT becomes when it ships. */
    public Release base() {
        return qualifier == null ? this : new Release(major, minor, patch, null);
    }

    /** A snapshot or pre-release: its migrations are not shipped yet and may still change. */
    public boolean underWay() {
        return qualifier != null;
    }

    public Kind kind() {
        if (patch > 0) {
            return Kind.PATCH;
        }
        return major == 0 || minor == 0 ? Kind.MAJOR : Kind.MINOR;
    }

    /**
     * The line of releases a store moves along without an operator's decision: {@code 1.x} from
     * 1.0 on, {@code 0.2.x} below it. Crossing from one series to another is a major upgrade.
     */
    public String series() {
        return major > 0 ? major + ".x" : "0." + minor + ".x";
    }

    public boolean sameSeries(Release other) {
        return series().equals(other.series());
    }

    /** The next release that may add migrations, for messages: the next minor (next 0.x below 1.0). */
    public Release nextMinor() {
        return new Release(major, minor + 1, 0, null);
    }

    /** The next major release, for messages (below 1.0: the next 0.x). */
    public Release nextMajor() {
        return major == 0 ? nextMinor() : new Release(major + 1, 0, 0, null);
    }

    /** By number; a qualified release comes before the same number released. */
    @Override
    public int compareTo(Release o) {
        int c = Integer.compare(major, o.major);
        c = c != 0 ? c : Integer.compare(minor, o.minor);
        c = c != 0 ? c : Integer.compare(patch, o.patch);
        if (c != 0 || (qualifier == null) == (o.qualifier == null)) {
            return c != 0 ? c : qualifier == null ? 0 : qualifier.compareTo(o.qualifier);
        }
        return qualifier == null ? 1 : -1;
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + patch + (qualifier == null ? "" : "-" + qualifier);
    }
}
