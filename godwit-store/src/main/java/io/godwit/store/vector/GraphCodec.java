package io.godwit.store.vector;

import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.lucene.util.hnsw.HnswGraph;
import org.apache.lucene.util.hnsw.NeighborArray;
import org.apache.lucene.util.hnsw.OnHeapHnswGraph;

/** The graph part of an {@link IndexFile}: levels, entry node, and each level's nodes and edges. */
final class GraphCodec {

    private GraphCodec() {
    }

    static void write(DataOutputStream out, OnHeapHnswGraph graph, int n) throws IOException {
        int levels = n == 0 ? 0 : graph.numLevels();
        out.writeInt(levels);
        out.writeInt(n == 0 ? -1 : graph.entryNode());
        for (int level = 0; level < levels; level++) {
            int[] nodes = level == 0 ? null : HnswGraph.NodesIterator.getSortedNodes(graph.getNodesOnLevel(level));
            int count = level == 0 ? n : nodes.length;
            if (level > 0) {
                out.writeInt(count);
                for (int node : nodes) {
                    out.writeInt(node);
                }
            }
            long edges = 0;
            for (int i = 0; i < count; i++) {
                edges += graph.getNeighbors(level, level == 0 ? i : nodes[i]).size();
            }
            out.writeInt(Math.toIntExact(edges));
            for (int i = 0; i < count; i++) {
                NeighborArray na = graph.getNeighbors(level, level == 0 ? i : nodes[i]);
                int[] ids = na.nodes();
                out.writeInt(na.size());
                for (int j = 0; j < na.size(); j++) {
                    out.writeInt(ids[j]);
                }
            }
        }
    }

    static StoredGraph read(IndexInput in, Path file, int n, long length) throws IOException {
        int levels = in.readInt();
        int entry = in.readInt();
        IndexFile.check(file, n == 0 ? levels == 0 : levels >= 1 && levels <= 64 && entry >= 0 && entry < n,
                "graph of " + levels + " levels, entry " + entry);
        int[][] nodes = new int[levels][];
        int[][] offsets = new int[levels][];
        int[][] neighbours = new int[levels][];
        for (int level = 0; level < levels; level++) {
            int count = n;
            if (level > 0) {
                count = in.readInt();
                IndexFile.check(file, count >= 1 && count <= n, "level " + level + " of " + count + " nodes");
                nodes[level] = new int[count];
                for (int i = 0; i < count; i++) {
                    nodes[level][i] = checkedNode(in.readInt(), n, file);
                }
            }
            int edges = in.readInt();
            IndexFile.check(file, edges >= 0 && 4L * edges <= length, "level " + level + " of " + edges + " edges");
            offsets[level] = new int[count + 1];
            neighbours[level] = new int[edges];
            int at = 0;
            for (int i = 0; i < count; i++) {
                int degree = in.readInt();
                IndexFile.check(file, degree >= 0 && at + degree <= edges, "node degree " + degree);
                for (int j = 0; j < degree; j++) {
                    neighbours[level][at++] = checkedNode(in.readInt(), n, file);
                }
                offsets[level][i + 1] = at;
            }
            IndexFile.check(file, at == edges, "edge count of level " + level);
        }
        return new StoredGraph(n, entry, nodes, offsets, neighbours);
    }

    private static int checkedNode(int node, int n, Path file) throws IOException {
        IndexFile.check(file, node >= 0 && node < n, "node " + node);
        return node;
    }
}
