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
 * server's resident memory and folder size, and the server stopped by its pid.
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
        Path log = dir.resolve("peer.log");
        Process server = new ProcessBuilder("peer/start.sh", String.valueOf(port), peerDir.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            awaitHeartbeat(port, server, log);
            ObjectMapper json = new ObjectMapper();
            Path cfg = dir.resolve("peer-config.json");
            json.writeValue(cfg.toFile(), Map.of("port", port, "dir", dir.toString(), "dim", ds.dim,
                    "space", ds.space.wireName(), "batch", 1_000, "k", ds.k, "efAlt", efAlt,
                    "filters", List.of(Map.of("name", "filter10", "where", Map.of("bucket", Map.of("$lt", 10))),
                            Map.of("name", "filter1", "where", Map.of("bucket", 0)))));
            Path result = dir.resolve("peer.json");
            Process node = new ProcessBuilder("node", "bench/vector/peer-workload.js", cfg.toString())
                    .redirectOutput(result.toFile()).redirectError(dir.resolve("peer-workload.err").toFile()).start();
            if (node.waitFor() != 0) {
                throw new IllegalStateException("peer workload failed: " + Files.readString(dir.resolve("peer-workload.err")));
            }
            double rss = Memory.rssMb(server.pid());
            JsonNode r = json.readTree(result.toFile());
            Map<String, Answers> phases = new java.util.LinkedHashMap<>();
            r.get("phases").fields().forEachRemaining(e -> phases.put(e.getKey(), json.convertValue(e.getValue(), Answers.class)));
            return new PeerRun(r.get("addSeconds").asDouble(), phases, r.has("efError") ? r.get("efError").asText() : null,
                    rss, size(peerDir));
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
