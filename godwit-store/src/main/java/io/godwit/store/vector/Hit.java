package io.godwit.store.vector;

/** One neighbour: the record's row id (its {@code embeddings} id, stable for its life) and its Chroma distance. */
public record Hit(long id, float distance) implements Comparable<Hit> {

    /** Nearest first; equal distances by id, so that answers are deterministic. */
    @Override
    public int compareTo(Hit o) {
        int c = Float.compare(distance, o.distance);
        return c != 0 ? c : Long.compare(id, o.id);
    }
}
