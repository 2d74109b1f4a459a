package io.godwit.bench.vector;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The Chroma peer's side of one workload: a fresh real Chroma 1.0 server ({@code peer/start.sh})
 * on its own folder, the workload sent by {@code bench/vector/peer-workload.js} over HTTP, then the
 * server's resident memory and folder size, and the server stopped by its pid. The same client
 * also runs the queries against Godwit's own server ({@link #godwitServer}).
 */
final class PeerRun {
    final double addSeconds;
    final Map<String, Answers> phases;
    final String efError;
    final double rssMb;
    final long diskBytes;

    private PeerRun(double addSeconds, Map<String, Answers> phases, String efError, double rssMb, long diskBytes) {
        this.addSeconds = addSeconds;
        this.phases = phases;
        this.efError = efError;
        this.rssMb = rssMb;
        this.diskBytes = diskBytes;
    }

    static PeerRun run(Path dir, int port, Dataset ds, int efAlt) throws Exception {
        Path peerDir = dir.resolve("peer-data");
        return serve(List.of("peer/start.sh", String.valueOf(port), peerDir.toString()), dir, "peer", port, ds,
                efAlt, null, peerDir);
    }

    /**
     * Godwit's HTTP server ({@code bin/godwit run}, the launcher's JVM settings) on the store the
     * in-process side left in DIR/godwit-store, the same node client sending the same queries to
     * its collection "bench" (no adds, no ef phase).
     */
    static PeerRun godwitServer(Path dir, int port, Dataset ds) throws Exception {
        Path store = dir.resolve("godwit-store");
        return serve(List.of("bin/godwit", "run", "--path", store.toString(), "--port", String.valueOf(port)), dir,
                "godwit-http", port, ds, 0, "bench", store.resolve("vector"));
    }

    private static PeerRun serve(List<String> command, Path dir, String name, int port, Dataset ds, int efAlt,
                                 String collection, Path measured) throws Exception {
        Path log = dir.resolve(name + ".log");
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        if (collection != null) {
            // Godwit's server on the benchmark's own JDK (bin/godwit run adds the vector API itself).
            pb.environment().put("PATH", Path.of(System.getProperty("java.home"), "bin") + ":" + System.getenv("PATH"));
        }
        Process server = pb.start();
        try {
            awaitHeartbeat(port, server, log);
            ObjectMapper json = new ObjectMapper();
            Path cfg = dir.resolve(name + "-config.json");
            Map<String, Object> config = new java.util.LinkedHashMap<>(Map.of("port", port, "dir", dir.toString(),
                    "dim", ds.dim, "space", ds.space.wireName(), "batch", 1_000, "k", ds.k, "efAlt", efAlt,
                    "filters", List.of(Map.of("name", "filter10", "where", Map.of("bucket", Map.of("$lt", 10))),
                            Map.of("name", "filter1", "where", Map.of("bucket", 0)))));
            if (collection != null) {
                config.put("collection", collection);
            }
            json.writeValue(cfg.toFile(), config);
            Path result = dir.resolve(name + ".json");
            Process node = new ProcessBuilder("node", "bench/vector/peer-workload.js", cfg.toString())
                    .redirectOutput(result.toFile()).redirectError(dir.resolve(name + "-workload.err").toFile()).start();
            if (node.waitFor() != 0) {
                throw new IllegalStateException(name + " workload failed: "
                        + Files.readString(dir.resolve(name + "-workload.err")));
            }
            double rss = Memory.rssMb(server.pid());
            JsonNode r = json.readTree(result.toFile());
            Map<String, Answers> phases = new java.util.LinkedHashMap<>();
            r.get("phases").fields().forEachRemaining(e -> phases.put(e.getKey(), json.convertValue(e.getValue(), Answers.class)));
            return new PeerRun(r.get("addSeconds").asDouble(), phases, r.has("efError") ? r.get("efError").asText() : null,
                    rss, size(measured));
        } finally {
            server.destroy();
            server.waitFor();
        }
    }

    private static void awaitHeartbeat(int port, Process server, Path log) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest ping = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v2/heartbeat"))
                .timeout(Duration.ofSeconds(2)).build();
        for (int i = 0; i < 300; i++) {
            if (!server.isAlive()) {
                throw new IllegalStateException("the Chroma peer exited: " + Files.readString(log));
            }
            try {
                if (http.send(ping, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the Chroma peer did not answer on port " + port + " within 60 s");
    }

    static long size(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }
}
