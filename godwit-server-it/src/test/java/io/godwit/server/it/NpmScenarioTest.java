package io.godwit.server.it;

import io.godwit.store.testing.ChromaPeer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Acceptance by a client nobody here wrote: {@code src/test/node/scenario.mjs}, Chroma's official npm
 * client covering every route the Chroma 1.0 peer serves, runs against the real peer and against a
 * real {@code godwit run} process (persistent store, reset allowed); the two answer sets must agree step by step (ids, order, documents, metadatas,
 * distances to 1e-4; errors by status), except where the table of deliberate differences lists a
 * step: there each side must give exactly the answer the table records for it.
 */
class NpmScenarioTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path dir;
    static ChromaPeer peer;

    @BeforeAll
    static void startPeer() throws Exception {
        peer = ChromaPeer.start();
    }

    @AfterAll
    static void stopPeer() throws Exception {
        if (peer != null) {
            peer.close();
        }
    }

    @Test
    void godwitAnswersAsThePeerDoesButForTheListedDifferences() throws Exception {
        Map<String, JsonNode> chroma = run(peer.uri(), "chroma");
        Map<String, JsonNode> godwit;
        try (GodwitUnderTest server = GodwitUnderTest.start(dir)) {
            godwit = run(server.uri(), "godwit");
        }
        assertThat(godwit.keySet()).containsExactlyElementsOf(chroma.keySet());
        Map<String, JsonNode> listed = ScenarioDifferences.load();
        List<String> problems = new ArrayList<>();
        for (String step : chroma.keySet()) {
            JsonNode expected = listed.get(step);
            if (expected == null) {
                Answers.differences(chroma.get(step), godwit.get(step))
                        .forEach(d -> problems.add(step + d + " (peer vs godwit; not in the table)"));
            } else {
                Answers.differences(expected.get("chroma"), chroma.get(step))
                        .forEach(d -> problems.add(step + d + " (table vs peer)"));
                Answers.differences(expected.get("godwit"), godwit.get(step))
                        .forEach(d -> problems.add(step + d + " (table vs godwit)"));
            }
        }
        assertThat(listed.keySet()).as("steps the table lists").isSubsetOf(chroma.keySet());
        assertThat(problems).isEmpty();
    }

    private static Map<String, JsonNode> run(URI target, String name) throws IOException, InterruptedException {
        Path reports = Files.createDirectories(Path.of("target/npm-scenario"));
        Path out = reports.resolve(name + "-answers.json");
        Path err = reports.resolve(name + "-stderr.txt");
        Path script = Path.of("src/test/node/scenario.mjs").toAbsolutePath();
        Process node = new ProcessBuilder("node", script.toString(), target.toString())
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(node.waitFor(5, TimeUnit.MINUTES)).as("scenario against " + name + " finished").isTrue();
        assertThat(node.exitValue()).as("scenario against " + name + ": " + Files.readString(err)).isZero();
        Map<String, JsonNode> steps = new LinkedHashMap<>();
        for (JsonNode step : JSON.readTree(out.toFile())) {
            steps.put(step.get("step").asText(), Answers.comparable(step));
        }
        return steps;
    }
}
