package io.godwit.store.crash;

import io.godwit.store.GetRequest;
import io.godwit.store.GetResult;
import io.godwit.store.GodwitClient;
import io.godwit.store.Settings;
import io.godwit.store.StoreCollection;
import io.godwit.store.Where;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One application instance on a PostgreSQL store, in its own JVM:
 * {@code PostgresInstanceProcess URL USER ME OTHER COUNT} (the password in
 * {@code GODWIT_TEST_DB_PASSWORD}) adds batches 0..COUNT-1 of {@link WriterProcess#batch} with
 * prefix ME to collection {@code crash} (printing {@code ACK n} after each), then waits (at most
 * 120 s) until every batch of instance OTHER is readable, checks each of OTHER's records (document,
 * metadata) and prints {@code READ n} with how many it read, then {@code DONE}. Any difference is
 * printed as {@code WRONG ...} and the process exits with 1.
 */
public final class PostgresInstanceProcess {
    public static void main(String[] args) throws Exception {
        String me = args[2];
        String other = args[3];
        int count = Integer.parseInt(args[4]);
        Settings settings = Settings.defaults().withWriteLockTimeout(Duration.ofSeconds(60));
        try (GodwitClient client = GodwitClient.postgres(args[0], args[1], System.getenv("GODWIT_TEST_DB_PASSWORD"), settings)) {
            StoreCollection c = client.getOrCreateCollection("crash");
            for (int b = 0; b < count; b++) {
                c.add(WriterProcess.batch(me, b));
                System.out.println("ACK " + b);
                System.out.flush();
            }
            GetResult theirs = awaitAll(c, other, count);
            String wrong = check(theirs, other, count);
            if (wrong != null) {
                System.out.println("WRONG " + wrong);
                System.exit(1);
            }
            System.out.println("READ " + theirs.ids().size());
        }
        System.out.println("DONE");
        System.out.flush();
    }

    private static GetResult awaitAll(StoreCollection c, String other, int count) throws InterruptedException {
        GetRequest request = GetRequest.all().where(Where.eq("prefix", other));
        long until = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        GetResult got = c.get(request);
        while (got.ids().size() < count * WriterProcess.BATCH && System.nanoTime() < until) {
            Thread.sleep(100);
            got = c.get(request);
        }
        return got;
    }

    /** Null when {@code got} is exactly OTHER's records, in the order they were added; else what differs. */
    private static String check(GetResult got, String other, int count) {
        List<String> expected = new ArrayList<>();
        for (int b = 0; b < count; b++) {
            expected.addAll(WriterProcess.batch(other, b).ids());
        }
        if (!got.ids().equals(expected)) {
            return "ids of " + other + ": " + got.ids().size() + " read, " + expected.size() + " expected";
        }
        for (int k = 0; k < expected.size(); k++) {
            int b = k / WriterProcess.BATCH;
            int i = k % WriterProcess.BATCH;
            Map<String, Object> m = got.metadatas().get(k);
            if (!("batch " + b + " record " + i).equals(got.documents().get(k)) || m == null
                    || !Long.valueOf(b).equals(m.get("batch")) || !other.equals(m.get("prefix"))) {
                return "record " + expected.get(k) + ": " + got.documents().get(k) + " " + m;
            }
        }
        return null;
    }
}
