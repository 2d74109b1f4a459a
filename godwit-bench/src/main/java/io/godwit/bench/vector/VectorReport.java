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
            segment alone, fed from a log in batches of 1,000, given the candidate ids). "over HTTP" \
            rows: `bin/godwit run` (the launcher's JVM settings) on the store the in-process side \
            left, sent the same queries by the same node client as the peer, each server first sent 2,000 \
            untimed warm-up queries (bench/vector/peer-workload.js), so that a JVM is timed at steady \
            state. The peer is a fresh \
            Chroma 1.0 server over HTTP (raw v2 requests, base64 embeddings, as its npm client sends \
            them), on the same data in the same run. Index time: Godwit from the first add to every \
            record in the graph; peer: the add calls. Memory: resident set of the process named. \
            Ratio = Godwit / peer (below 1 is better for times, memory, bytes); over-HTTP ratios are \
            to the peer's own (HTTP) figures.
            """;

    private final List<String> rows = new ArrayList<>();
    private String last = "";

    void add(String workload, Dataset ds, JsonNode g, PeerRun http, PeerRun peer) {
        Map<String, Answers> gp = VectorBench.phases(g);
        Map<String, Answers> pp = peer == null ? Map.of() : peer.phases;
        List<String> r = new ArrayList<>();
        r.add(row(workload, "recall@10, ef_search 100 (default)", recall(gp, "default", ds.truth),
                recall(pp, "default", ds.truth), "%.4f", false));
        r.add(row(workload, "query p50 ms, ef_search 100", p50(gp, "default"), p50(pp, "default"), "%.2f", true));
        r.add(row(workload, "recall@10, ef_search " + VectorBench.EF_ALT, recall(gp, "ef", ds.truth),
                recall(pp, "ef", ds.truth), "%.4f", false));
        r.add(row(workload, "query p50 ms, ef_search " + VectorBench.EF_ALT, p50(gp, "ef"), p50(pp, "ef"), "%.2f", true));
        if (http != null) {
            r.add(row(workload, "over HTTP: recall@10, ef_search 100", recall(http.phases, "default", ds.truth),
                    recall(pp, "default", ds.truth), "%.4f", false));
            r.add(row(workload, "over HTTP: query p50 ms, ef_search 100", p50(http.phases, "default"),
                    p50(pp, "default"), "%.2f", true));
        }
        filter(r, workload, "10 %", "filter10", ds.truth10, Dataset.TEN_PERCENT, gp, http, pp);
        filter(r, workload, "1 %", "filter1", ds.truth1, Dataset.ONE_PERCENT, gp, http, pp);
        r.add(row(workload, "time until all indexed, s (peer: add)", g.get("indexSeconds").asDouble(),
                peer == null ? Double.NaN : peer.addSeconds, "%.1f", true));
        r.add(row(workload, "open persisted + first query, ms", g.get("openFirstQueryMs").asDouble(), Double.NaN, "%.0f", true));
        if (g.has("rebuildSeconds")) {
            r.add(row(workload, "rebuild after the file is deleted, s (first query ms)", g.get("rebuildSeconds").asDouble(),
                    Double.NaN, "%.1f", true).replace(" | n/a | |", String.format(" | first query %.0f ms | |",
                    g.get("rebuildFirstQueryMs").asDouble())));
        }
        double peerRss = peer == null ? Double.NaN : peer.rssMb;
        if (http != null) {
            r.add(row(workload, "resident memory, MB: `godwit run` after the queries / peer server", http.rssMb, peerRss,
                    "%.0f", true));
        }
        r.add(row(workload, "resident memory, MB: in-process JVM (with the benchmark's copy of the data) / peer server",
                g.get("rssMb").asDouble(), peerRss, "%.0f", true));
        r.add(row(workload, "bytes on disk per vector (index file / peer's folder)", g.get("fileBytes").asDouble() / ds.n,
                peer == null ? Double.NaN : (double) peer.diskBytes / ds.n, "%.0f", true));
        if (peer != null) {
            r.add(row(workload, "max |distance - peer's| on common ids", gp.get("default").maxDistanceGap(pp.get("default")),
                    Double.NaN, "%.2e", false));
        }
        JsonNode paths = g.get("filterPaths");
        paths.fieldNames().forEachRemaining(name -> {
            if (name.startsWith("graph@")) {
                String n = name.substring("graph@".length());
                r.add(String.format("| %s | filtered p50 ms, graph / exact scan: %,d candidates | %.2f / %.2f | | |", workload,
                        Integer.parseInt(n), paths.get(name).asDouble(), paths.get("exact@" + n).asDouble()));
            }
        });
        if (peer != null && peer.efError != null) {
            r.add("| " + workload + " | peer ef_search change refused | | " + peer.efError.replace("|", "/") + " | |");
        }
        rows.addAll(r);
        last = String.join("\n", r);
    }

    private static void filter(List<String> r, String workload, String label, String phase, long[][] truth,
                               java.util.function.LongPredicate ok, Map<String, Answers> gp, PeerRun http,
                               Map<String, Answers> pp) {
        r.add(row(workload, "filter " + label + ": recall@10", recall(gp, phase, truth), recall(pp, phase, truth), "%.4f", false));
        r.add(row(workload, "filter " + label + ": results matching", matching(gp, phase, ok), matching(pp, phase, ok),
                "%.4f", false));
        r.add(row(workload, "filter " + label + ": p50 ms", p50(gp, phase), p50(pp, phase), "%.2f", true));
        if (http != null) {
            r.add(row(workload, "over HTTP: filter " + label + ": recall@10 / p50 ms", p50(http.phases, phase),
                    p50(pp, phase), "%.2f", true).replace("| over HTTP: filter " + label + ": recall@10 / p50 ms | ",
                    String.format("| over HTTP: filter %s: recall@10 %.4f, matching %.4f; p50 ms | ", label,
                            recall(http.phases, phase, truth), matching(http.phases, phase, ok))));
        }
    }

    private static double recall(Map<String, Answers> phases, String phase, long[][] truth) {
        Answers a = phases.get(phase);
        return a == null ? Double.NaN : a.recall(truth);
    }

    private static double p50(Map<String, Answers> phases, String phase) {
        Answers a = phases.get(phase);
        return a == null ? Double.NaN : a.p50();
    }

    private static double matching(Map<String, Answers> phases, String phase, java.util.function.LongPredicate ok) {
        Answers a = phases.get(phase);
        return a == null ? Double.NaN : a.matching(ok);
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
