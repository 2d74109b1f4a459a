package io.godwit.cli;

import io.godwit.GodwitException;
import io.godwit.MigrationMode;
import io.godwit.store.GetRequest;
import io.godwit.store.GetResult;
import io.godwit.store.GodwitClient;
import io.godwit.store.Include;
import io.godwit.store.Settings;
import io.godwit.store.StoreClient;
import io.godwit.store.StoreCollection;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An application's persistent client in its own JVM, standing in for a server: {@code
 * StoreClientProcess DIR MODE} opens {@code GodwitClient.persistent(DIR)} in migration mode MODE
 * (apply or validate), prints every record of every collection as one {@code RECORD} line (id,
 * document, metadata sorted by key, vector), then {@code READY}, and keeps the store open (and in
 * use) until its standard input closes. A refusal prints {@code ERROR <type>: <message>} and exits
 * with the error's code.
 */
public final class StoreClientProcess {
    /** Every record of every collection of {@code client}, one {@code RECORD} line each, in the store's order. */
    static List<String> records(StoreClient client) {
        List<String> lines = new ArrayList<>();
        for (StoreCollection c : client.listCollections(null, 0)) {
            GetResult r = c.get(GetRequest.all().include(Include.EMBEDDINGS, Include.DOCUMENTS, Include.METADATAS));
            for (int i = 0; i < r.ids().size(); i++) {
                Map<String, Object> metadata = r.metadatas().get(i) == null ? null : new TreeMap<>(r.metadatas().get(i));
                lines.add("RECORD " + c.name() + " " + r.ids().get(i) + " | " + r.documents().get(i) + " | "
                        + metadata + " | " + Arrays.toString(r.embeddings().get(i)));
            }
        }
        return lines;
    }

    public static void main(String[] args) throws Exception {
        Settings settings = Settings.defaults().withMode(MigrationMode.parse(args[1]));
        try (GodwitClient client = GodwitClient.persistent(Path.of(args[0]), settings)) {
            records(client).forEach(System.out::println);
            System.out.println("READY");
            System.out.flush();
            while (System.in.read() >= 0) {
                // the store stays open, and in use, until stdin closes
            }
        } catch (GodwitException e) {
            System.out.println("ERROR " + e.getClass().getSimpleName() + ": " + e.getMessage());
            System.exit(e.exitCode());
        }
    }
}
