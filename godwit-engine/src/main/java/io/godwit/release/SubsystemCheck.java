package io.godwit.release;

import io.godwit.internal.Migration;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** {@link ReleasePolicy}'s rules applied to one subsystem's files and manifest. */
final class SubsystemCheck {
    private final String name;
    private final ReleaseManifest manifest;
    private final Release project;
    private final Map<String, Migration> files;

    SubsystemCheck(io.godwit.Subsystem subsystem, Release project, Map<String, Migration> files) {
        this.name = subsystem.name();
        this.manifest = subsystem.releases().manifest();
        this.project = project;
        this.files = files;
    }

    void run(List<String> problems) {
        for (ReleaseManifest.Entry e : manifest.entries(name)) {
            checkEntry(e, problems);
        }
        Map<Integer, Release> versionRelease = new TreeMap<>();
        for (Migration m : files.values()) {
            Release release = releaseOf(m, problems);
            Release other = versionRelease.putIfAbsent(m.version(), release);
            if (other != null && !other.equals(release)) {
                problems.add(path(m) + " belongs to release " + release + " but another file of version " + m.version()
                        + " to " + other + ": every file of one version is introduced by one release; fix " + manifest.location());
            }
            checkKind(m, release, problems);
        }
        checkOrder(versionRelease, problems);
    }

    /** A listed file: not newer than the project; shipped ones keep their recorded text. */
    private void checkEntry(ReleaseManifest.Entry e, List<String> problems) {
        String what = name + "/" + e.file() + " (release " + e.release() + " in " + manifest.location() + ")";
        if (e.release().compareTo(project.base()) > 0) {
            problems.add(what + " names a release newer than the project's version " + project
                    + ": a file cannot belong to a release that comes later");
            return;
        }
        boolean shipped = e.release().compareTo(project.base()) < 0 || !project.underWay();
        Migration file = files.get(e.file());
        if (file == null) {
            if (shipped) {
                problems.add(what + " shipped and is gone: a shipped migration is never removed or renamed,"
                        + " since stores record it; restore the file");
            } else {
                problems.add(what + " is listed but there is no such file: remove the line or restore the file");
            }
            return;
        }
        if (e.sha256() == null) {
            if (shipped) {
                problems.add(what + " shipped without a recorded hash: record its SHA-256 ("
                        + file.hash() + ") so that later changes are caught");
            }
        } else if (!e.sha256().equals(file.hash())) {
            problems.add(what + " has changed since it " + (shipped ? "shipped" : "was recorded") + ": recorded sha256 "
                    + e.sha256() + ", now " + file.hash() + ". A shipped migration never changes, since stores"
                    + " recorded its hash: restore the file and put the change in a new migration");
        }
    }

    /** The file's release; an unlisted file is the project's, and must be listed once it ships. */
    private Release releaseOf(Migration m, List<String> problems) {
        ReleaseManifest.Entry e = manifest.entry(name, m.filename()).orElse(null);
        if (e != null) {
            return e.release();
        }
        if (!project.underWay()) {
            problems.add(path(m) + " is not in " + manifest.location() + ": release " + project
                    + " ships it, so record it: " + new ReleaseManifest.Entry(project, name, m.version(), m.filename(), m.hash()).line());
        }
        return project.base();
    }

    private void checkKind(Migration m, Release release, List<String> problems) {
        switch (release.kind()) {
            case PATCH -> problems.add(path(m) + " is new in " + release + ", a patch release: a patch adds no"
                    + " migration, so a store needs none to move between patches. Release it in "
                    + release.nextMinor() + " instead (set the project's version to " + release.nextMinor() + "-SNAPSHOT)");
            case MINOR -> {
                if (m.confirmReason() != null) {
                    problems.add(path(m) + " is marked -- godwit:confirm in " + release + ", a minor release: a minor"
                            + " release migrates without an operator. Make it run unattended, or ship it in "
                            + release.nextMajor());
                }
            }
            case MAJOR -> {
                if (m.confirmReason() != null && !ReleasePolicy.namesNotes(m.confirmReason())) {
                    problems.add(path(m) + " is marked -- godwit:confirm without naming the release-notes section:"
                            + " the reason must say where the operator reads what to do, e.g. '-- godwit:confirm"
                            + " rebuilds every index (" + ReleasePolicy.NOTES_WORDS + " " + release + ", \"Index rebuild\")'");
                }
            }
        }
    }

    /** A later release's versions come after every earlier release's: nothing slips into shipped numbering. */
    private void checkOrder(Map<Integer, Release> versionRelease, List<String> problems) {
        Release highest = null;
        for (Map.Entry<Integer, Release> v : versionRelease.entrySet()) {
            if (highest != null && v.getValue().compareTo(highest) < 0) {
                problems.add(name + " version " + v.getKey() + " belongs to release " + v.getValue()
                        + " but follows a version of release " + highest + ": versions must rise with releases");
            }
            highest = highest == null || v.getValue().compareTo(highest) > 0 ? v.getValue() : highest;
        }
    }

    private String path(Migration m) {
        return name + "/" + m.filename();
    }
}
