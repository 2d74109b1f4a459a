package io.godwit.store.vector;

import io.godwit.store.CollectionConfiguration;
import io.godwit.store.Space;

/**
 * What shapes a collection's graph, with Chroma's names: the space, {@code max_neighbors}
 * ({@code hnsw:M}: links per node on the upper levels, twice that on level 0, as in hnswlib),
 * {@code ef_construction} and {@code ef_search}. A persisted index built with other values of
 * space, dimension, M or ef_construction is rebuilt; ef_search only affects queries.
 */
public record IndexParams(Space space, int dimension, int maxNeighbors, int efConstruction, int efSearch) {

    public IndexParams {
        if (dimension < 1 || maxNeighbors < 2 || efConstruction < 1 || efSearch < 1) {
            throw new IllegalArgumentException("vector index: dimension, max_neighbors, ef_construction and "
                    + "ef_search must be positive (max_neighbors at least 2): " + dimension + ", " + maxNeighbors
                    + ", " + efConstruction + ", " + efSearch);
        }
    }

    public static IndexParams of(CollectionConfiguration c, int dimension) {
        return new IndexParams(c.space(), dimension, c.maxNeighbors(), c.efConstruction(), c.efSearch());
    }

    public IndexParams withEfSearch(int value) {
        return new IndexParams(space, dimension, maxNeighbors, efConstruction, value);
    }

    /** True when a graph built with {@code other} can serve these parameters as it is. */
    public boolean sameGraph(IndexParams other) {
        return space == other.space && dimension == other.dimension && maxNeighbors == other.maxNeighbors
                && efConstruction == other.efConstruction;
    }
}
