package io.godwit.bench.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The workload through Chroma's npm client ({@code bench/store/peer-workload.js}) against a server
 * process started for it: the real Chroma 1.0 peer ({@code peer/start.sh}) or Godwit's
 * ({@code bin/godwit run}, as a user starts it). The same client and
 * script for both, so the two servers are compared over the same HTTP path. Each server is stopped
 * after its run, its resident memory (process tree) read just before.
 */
final class NpmWorkload {
    private static final ObjectMapper JSON = new ObjectMapper();

    private NpmWorkload() {
    }

    /** The Chroma peer on {@code port}, its data under {@code dir}. */
    static Map<String, Object> peer(Workload w, Path dir, int port) throws Exception {
        return run(w, dir, "peer", port, List.of("peer/start.sh", String.valueOf(port), dir.resolve("peer-data").toString()));
    }

    /**
     * {@code bin/godwit run} on {@code port}, its persist directory under {@code dir}: the launcher a user
     * runs, with its server defaults (small serial heap; README "Memory of godwit run"), which
     * {@code exec}s the JVM, so the process measured is the server's.
     */
    static Map<String, Object> godwit(Workload w, Path dir, Path launcher, int port) throws Exception {
        return run(w, dir, "godwit-server", port, List.of(launcher.toString(), "run", "--path",
                dir.resolve("godwit-server-data").toString(), "--port", String.valueOf(port)));
    }

    private static Map<String, Object> run(Workload w, Path dir, String name, int port, List<String> command)
            throws Exception {
        Path vectors = dir.resolve("data.f32");
        if (!Files.exists(vectors)) {
            w.writeVectors(vectors);
            JSON.writeValue(dir.resolve("gets.json").toFile(), w.getIds());
        }
        Path cfg = dir.resolve(name + "-config.json");
        JSON.writeValue(cfg.toFile(), Map.of("port", port, "dir", dir.toString(), "n", w.n(), "dim", w.dim(),
                "batch", w.batch(), "reps", w.reps(), "name", name));
        Process server = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve(name + ".log").toFile()).start();
        try {
            awaitHeartbeat(port, server, dir.resolve(name + ".log"));
            Path result = dir.resolve(name + ".json");
            Path err = dir.resolve(name + "-workload.err");
            Process node = new ProcessBuilder("node", "bench/store/peer-workload.js", cfg.toString())
                    .redirectOutput(result.toFile()).redirectError(err.toFile()).start();
            if (node.waitFor() != 0) {
                throw new IllegalStateException(name + " workload failed: " + Files.readString(err));
            }
            Map<String, Object> r = results(w, JSON.readTree(result.toFile()));
            r.put("rssMb", StoreBench.rssMb(server.pid()));
            return r;
        } finally {
            server.descendants().forEach(ProcessHandle::destroy);
            server.destroy();
            server.waitFor();
        }
    }

    private static Map<String, Object> results(Workload w, JsonNode j) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("addRate", w.n() / j.get("addSeconds").asDouble());
        j.get("ms").fields().forEachRemaining(e -> {
            List<Double> ms = new ArrayList<>();
            e.getValue().forEach(v -> ms.add(v.asDouble()));
            r.put(e.getKey(), Timings.p50(ms));
        });
        r.put("whereMatches", j.get("whereMatches").asInt());
        r.put("countValue", j.get("count").asLong());
        return r;
    }

    private static void awaitHeartbeat(int port, Process server, Path log) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (int i = 0; i < 600; i++) {
            if (!server.isAlive()) {
                throw new IllegalStateException("the server exited (see " + log + "); for the peer, is `npm ci --prefix peer` done?");
            }
            try {
                if (http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v2/heartbeat")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the server did not answer on port " + port + " (see " + log + ")");
    }
}
