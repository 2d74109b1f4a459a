package io.godwit.bench.embed;

import java.util.ArrayList;
import java.util.List;

/** The benchmark's Markdown table: rates per pass with the ratio of the same run, then memory. */
final class Table {

    private Table() {
    }

    static List<String> rows(EmbeddingBench.Run run) {
        List<String> rows = new ArrayList<>(List.of(
                "| | Godwit (DJL tokenizers + ONNX Runtime Java) | transformers.js | ratio Godwit / transformers.js |",
                "| --- | ---: | ---: | ---: |"));
        run.inOrder.forEach((size, pass) -> rows.add(rate("texts/s, batch " + size + ", in order", pass)));
        rows.add(rate("texts/s, batch 32, batches cut from the texts sorted by length (both sides)", run.sorted));
        Turns.Pass inOrder32 = run.inOrder.get(32);
        rows.add(String.format("| texts/s, batch 32: Godwit sorted, transformers.js in order (its pipeline) | %.1f | %.1f | %.2f |",
                run.sorted.godwitRate(), inOrder32.peerRate(), run.sorted.godwitRate() / inOrder32.peerRate()));
        rows.add(String.format("| load + first batch | %.1f s | %.1f s | |", run.godwitLoadSeconds, run.peer.loadSeconds));
        rows.add(String.format("| resident memory taken by the loaded model | %.0f MB | %.0f MB | %.2f |",
                run.godwitModelMb, run.peer.modelMb, run.godwitModelMb / run.peer.modelMb));
        rows.add(String.format("| resident memory of the process at the end | %.0f MB | %.0f MB | %.2f |",
                run.godwitEndMb, run.peerEnd.rssMb(), run.godwitEndMb / run.peerEnd.rssMb()));
        return rows;
    }

    private static String rate(String label, Turns.Pass pass) {
        return String.format("| %s | %.1f | %.1f | %.2f |", label, pass.godwitRate(), pass.peerRate(),
                pass.godwitRate() / pass.peerRate());
    }
}
