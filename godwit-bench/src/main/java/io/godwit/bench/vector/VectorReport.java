package io.godwit.bench.vector;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The vector benchmark's table: per workload, Godwit beside the peer, with the ratio Godwit / peer. */
final class VectorReport {
    static final String NOTES = """
            Notes: Godwit rows are, by default (-Dbench.side=store), the store in process: a persistent \
            GodwitClient in its own JVM, records added in batches of 5,000 (one query after each), \
            queries and `where` filters through StoreCollection (-Dbench.side=segment: the vector \
            segment alone, fed from a log in batches of 1,000, given the candidate ids); the peer is a fresh Chroma 1.0 server over HTTP (raw v2 \
            requests, base64 embeddings, as its npm client sends them), on the same data in the same \
            run. Index time: Godwit from the first add to every record in the graph; peer: the add calls. Memory: resident set of the Godwit JVM \
            and of the peer server. Ratio = Godwit / peer (below 1 is better for times, memory, bytes).
            """;

    private final List<String> rows = new ArrayList<>();
    private String last = "";

    void add(String workload, Dataset ds, JsonNode g, PeerRun peer) {
        Map<String, Answers> gp = VectorBench.phases(g);
        Map<String, Answers> pp = peer.phases;
        List<String> r = new ArrayList<>();
        r.add(row(workload, "recall@10, ef_search 100 (default)", gp.get("default").recall(ds.truth),
                pp.get("default").recall(ds.truth), "%.4f", false));
        r.add(row(workload, "query p50 ms, ef_search 100", gp.get("default").p50(), pp.get("default").p50(), "%.2f", true));
        Answers pe = pp.get("ef");
        r.add(row(workload, "recall@10, ef_search " + VectorBench.EF_ALT, gp.get("ef").recall(ds.truth),
                pe == null ? Double.NaN : pe.recall(ds.truth), "%.4f", false));
        r.add(row(workload, "query p50 ms, ef_search " + VectorBench.EF_ALT, gp.get("ef").p50(),
                pe == null ? Double.NaN : pe.p50(), "%.2f", true));
        r.add(row(workload, "filter 10 %: recall@10", gp.get("filter10").recall(ds.truth10),
                pp.get("filter10").recall(ds.truth10), "%.4f", false));
        r.add(row(workload, "filter 10 %: results matching", gp.get("filter10").matching(Dataset.TEN_PERCENT),
                pp.get("filter10").matching(Dataset.TEN_PERCENT), "%.4f", false));
        r.add(row(workload, "filter 10 %: p50 ms", gp.get("filter10").p50(), pp.get("filter10").p50(), "%.2f", true));
        r.add(row(workload, "filter 1 %: recall@10", gp.get("filter1").recall(ds.truth1),
                pp.get("filter1").recall(ds.truth1), "%.4f", false));
        r.add(row(workload, "filter 1 %: results matching", gp.get("filter1").matching(Dataset.ONE_PERCENT),
                pp.get("filter1").matching(Dataset.ONE_PERCENT), "%.4f", false));
        r.add(row(workload, "filter 1 %: p50 ms", gp.get("filter1").p50(), pp.get("filter1").p50(), "%.2f", true));
        r.add(row(workload, "time until all indexed, s (peer: add)", g.get("indexSeconds").asDouble(), peer.addSeconds,
                "%.1f", true));
        r.add(row(workload, "open persisted + first query, ms", g.get("openFirstQueryMs").asDouble(), Double.NaN, "%.0f", true));
        r.add(row(workload, "rebuild after the file is deleted, s (first query ms)", g.get("rebuildSeconds").asDouble(),
                Double.NaN, "%.1f", true) .replace(" | n/a | n/a |", String.format(" | first query %.0f ms | |",
                g.get("rebuildFirstQueryMs").asDouble())));
        r.add(row(workload, "resident memory, MB", g.get("rssMb").asDouble(), peer.rssMb, "%.0f", true));
        r.add(row(workload, "bytes on disk per vector", g.get("fileBytes").asDouble() / ds.n, (double) peer.diskBytes / ds.n,
                "%.0f", true));
        r.add(row(workload, "max |distance - peer's| on common ids", gp.get("default").maxDistanceGap(pp.get("default")),
                Double.NaN, "%.2e", false));
        JsonNode paths = g.get("filterPaths");
        if (paths.has("graph10")) {
            r.add(String.format("| %s | filtered p50 ms, graph / exact scan: 10 %% | %.2f / %.2f | | |", workload,
                paths.get("graph10").asDouble(), paths.get("exact10").asDouble()));
        r.add(String.format("| %s | filtered p50 ms, graph / exact scan: 1 %% | %.2f / %.2f | | |", workload,
                paths.get("graph1").asDouble(), paths.get("exact1").asDouble()));
        }
        if (peer.efError != null) {
            r.add("| " + workload + " | peer ef_search change refused | | " + peer.efError.replace("|", "/") + " | |");
        }
        rows.addAll(r);
        last = String.join("\n", r);
    }

    private static String row(String workload, String what, double godwit, double peer, String fmt, boolean ratio) {
        String g = Double.isNaN(godwit) ? "n/a" : String.format(fmt, godwit);
        String p = Double.isNaN(peer) ? "n/a" : String.format(fmt, peer);
        String q = !ratio || Double.isNaN(peer) || Double.isNaN(godwit) || peer == 0 ? ""
                : String.format("%.2fx", godwit / peer);
        return "| " + workload + " | " + what + " | " + g + " | " + p + " | " + q + " |";
    }

    String last() {
        return last;
    }

    String table() {
        return "| workload | measure | Godwit | Chroma peer | ratio |\n| --- | --- | --- | --- | --- |\n"
                + String.join("\n", rows) + "\n";
    }
}
