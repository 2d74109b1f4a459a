package io.godwit.bench.embed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The transformers.js side: a node process ({@code godwit-embeddings-minilm/golden/bench.mjs}) on
 * the same texts and model file, which embeds a block of texts when told to and says how long its
 * embed calls took; it waits while the Godwit side runs, so the two never share the cores.
 */
final class Peer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final BufferedReader out;
    private final Writer in;
    private final Path vectorsFile;
    private final int count;
    final String version;
    final String onnxRuntimeVersion;
    final double loadSeconds;
    /** Resident memory that loading the model and embedding the first batch added. */
    final double modelMb;

    Peer(Path golden, List<String> texts, int threads, Path work) throws IOException {
        Path textsFile = work.resolve("texts.json");
        vectorsFile = work.resolve("peer-vectors.f32");
        count = texts.size();
        JSON.writeValue(textsFile.toFile(), texts);
        process = new ProcessBuilder("node", golden.resolve("bench.mjs").toString(), textsFile.toString(),
                Integer.toString(threads), vectorsFile.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        in = new java.io.OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        JsonNode ready = reply();
        version = ready.get("version").asText();
        onnxRuntimeVersion = ready.get("ort").asText();
        loadSeconds = ready.get("loadSeconds").asDouble();
        modelMb = ready.get("rssLoaded").asDouble() - ready.get("rssBefore").asDouble();
    }

    /** Seconds that transformers.js's embed calls took for texts from..to, {@code batch} per call. */
    double run(int batch, int from, int to, boolean sorted) throws IOException {
        send("run " + batch + " " + from + " " + to + (sorted ? " sorted" : ""));
        return reply().get("seconds").asDouble();
    }

    /** Ends the process: its resident memory at the end, and its last vector for each text. */
    Ending end() throws IOException, InterruptedException {
        send("end");
        double rssEnd = reply().get("rssEnd").asDouble();
        in.close();
        process.waitFor();
        return new Ending(rssEnd, vectors());
    }

    record Ending(double rssMb, List<float[]> vectors) {
    }

    private void send(String line) throws IOException {
        in.write(line + "\n");
        in.flush();
    }

    private JsonNode reply() throws IOException {
        String line = out.readLine();
        if (line == null) {
            throw new IllegalStateException("transformers.js stopped (exit " + exitCode() + "); did you run "
                    + "ONNXRUNTIME_NODE_INSTALL=skip npm ci --prefix godwit-embeddings-minilm/golden?");
        }
        return JSON.readTree(line);
    }

    private String exitCode() {
        try {
            return Integer.toString(process.waitFor());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "?";
        }
    }

    private List<float[]> vectors() throws IOException {
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(vectorsFile)).order(ByteOrder.LITTLE_ENDIAN);
        List<float[]> vectors = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            float[] v = new float[384];
            bytes.asFloatBuffer().position(i * 384).get(v);
            vectors.add(v);
        }
        return vectors;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            in.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
