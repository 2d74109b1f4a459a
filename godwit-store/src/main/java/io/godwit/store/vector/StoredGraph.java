package io.godwit.store.vector;

import java.util.Arrays;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.hnsw.HnswGraph;

/**
 * A graph read from an index file, as Lucene's {@link HnswGraph} so that Lucene can copy it into a
 * growable graph ({@code InitializedHnswGraphBuilder.initGraph}), edge by edge, without computing
 * one distance. Per level: the nodes on it (level 0: all, as 0..size-1), and for each, in the same
 * order, its neighbours as a slice of one array. Single-threaded: it has one cursor.
 */
final class StoredGraph extends HnswGraph {
    private final int size;
    private final int entryNode;
    /** nodes[level], sorted; null for level 0, which holds every node. */
    private final int[][] nodes;
    /** offsets[level][i] .. offsets[level][i + 1]: the neighbours of the i-th node of that level. */
    private final int[][] offsets;
    private final int[][] neighbours;
    private int level;
    private int cursor;
    private int end;

    StoredGraph(int size, int entryNode, int[][] nodes, int[][] offsets, int[][] neighbours) {
        this.size = size;
        this.entryNode = entryNode;
        this.nodes = nodes;
        this.offsets = offsets;
        this.neighbours = neighbours;
    }

    int levels() {
        return offsets.length;
    }

    @Override
    public void seek(int level, int target) {
        int row = level == 0 ? target : Arrays.binarySearch(nodes[level], target);
        if (row < 0) {
            throw new IllegalStateException("vector index: node " + target + " is not on level " + level);
        }
        cursor = offsets[level][row];
        end = offsets[level][row + 1];
        this.level = level;
    }

    @Override
    public int nextNeighbor() {
        return cursor < end ? neighbours[level][cursor++] : DocIdSetIterator.NO_MORE_DOCS;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public int numLevels() {
        return offsets.length;
    }

    @Override
    public int entryNode() {
        return entryNode;
    }

    @Override
    public NodesIterator getNodesOnLevel(int level) {
        return level == 0 ? new ArrayNodesIterator(size) : new ArrayNodesIterator(nodes[level], nodes[level].length);
    }
}
