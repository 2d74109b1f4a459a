package io.godwit.store.chroma;

import java.util.List;

/**
 * A history Chroma wrote, as {@link ChromaHistory} recognised it.
 *
 * @param releases the Chroma releases that ship exactly the recorded files, with the recorded
 *                 hashes where those are Chroma's, oldest first: the ones that could have written
 *                 it. Empty when none does (e.g. the history stopped half-way)
 * @param laterReleases true when the newest of them is the newest release Godwit knows, so that
 *                 later ones (released since Godwit's table was made) may have written it too
 * @param problems one sentence per recorded row no Chroma release shipped (name right, hash not)
 */
public record ChromaMatch(List<String> releases, boolean laterReleases, List<String> problems) {
    public ChromaMatch {
        releases = List.copyOf(releases);
        problems = List.copyOf(problems);
    }

    /** "Chroma 1.0.0 to 1.2.2", "Chroma 1.5.0 or later", "Chroma 0.4.0", or "Chroma" when no release matches exactly. */
    public String range() {
        if (releases.isEmpty()) {
            return "Chroma";
        }
        String first = releases.get(0);
        String last = releases.get(releases.size() - 1);
        if (laterReleases) {
            return "Chroma " + first + " or later";
        }
        return first.equals(last) ? "Chroma " + first : "Chroma " + first + " to " + last;
    }
}
