package io.godwit.bench.embed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The transformers.js side, run as a child process ({@code godwit-embeddings-minilm/golden/bench.mjs})
 * on the same texts and model file, after the Godwit side, so that the two never share the cores.
 */
final class Peer {

    record Result(String version, double loadSeconds, double modelMb, double endMb, Map<Integer, Double> rates,
                  List<float[]> vectors) {
    }

    private Peer() {
    }

    static Result run(Path golden, List<String> texts, int threads, List<Integer> batches, Path work)
            throws IOException, InterruptedException {
        Path textsFile = work.resolve("texts.json");
        Path vectorsFile = work.resolve("peer-vectors.f32");
        new ObjectMapper().writeValue(textsFile.toFile(), texts);
        List<String> command = new ArrayList<>(List.of("node", golden.resolve("bench.mjs").toString(),
                textsFile.toString(), Integer.toString(threads), vectorsFile.toString()));
        batches.forEach(b -> command.add(Integer.toString(b)));
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(p.getInputStream().readAllBytes()).strip();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("transformers.js failed (exit " + p.exitValue() + "); did you run "
                    + "ONNXRUNTIME_NODE_INSTALL=skip npm ci --prefix " + golden + "?");
        }
        JsonNode json = new ObjectMapper().readTree(out.substring(out.lastIndexOf('\n') + 1));
        Map<Integer, Double> rates = new TreeMap<>();
        json.get("rates").fields().forEachRemaining(e -> rates.put(Integer.parseInt(e.getKey()), e.getValue().asDouble()));
        return new Result(json.get("version").asText(), json.get("loadSeconds").asDouble(),
                json.get("rssLoaded").asDouble() - json.get("rssBefore").asDouble(), json.get("rssEnd").asDouble(),
                rates, vectors(vectorsFile, texts.size()));
    }

    private static List<float[]> vectors(Path file, int count) throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        List<float[]> vectors = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            float[] v = new float[384];
            bytes.asFloatBuffer().position(i * 384).get(v);
            vectors.add(v);
        }
        return vectors;
    }
}
