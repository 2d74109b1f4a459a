package io.godwit.store.embedding.minilm;

import io.godwit.store.StoreException;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the default function promises besides matching the golden vectors: see its class comment. */
class DefaultEmbeddingFunctionTest {

    /** {@code count} words of two or more tokens each ("bird17" is bird, ##17). */
    private static String words(int from, int count) {
        StringBuilder s = new StringBuilder();
        for (int i = from; i < from + count; i++) {
            s.append("bird").append(i).append(' ');
        }
        return s.toString();
    }

    @Test
    void isRecordedAsChromaRecordsItsDefault() {
        DefaultEmbeddingFunction f = SharedModel.get();
        assertThat(f.name()).isEqualTo("default");
        assertThat(f.descriptor()).isEqualTo(Map.of("type", "known", "name", "default", "config", Map.of()));
    }

    @Test
    void anEmptyListGivesNoVectorsAndAnEmptyTextGivesAUnitVector() {
        assertThat(SharedModel.get().embed(List.of())).isEmpty();
        float[] empty = SharedModel.get().embed(List.of("")).get(0);
        assertThat(empty).hasSize(384);
        assertThat(SharedModel.cosine(empty, empty)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void aTextIsCutAt256TokensNotAt128() {
        String head = words(0, 150);
        // Same first 256 tokens, different after: the same vector.
        List<float[]> past = SharedModel.get().embed(List.of(head + words(1000, 100), head + words(5000, 100)));
        assertThat(past.get(0)).containsExactly(past.get(1));
        // Same first 141 tokens ([CLS] and 70 words of two tokens), different before token 256: different vectors.
        List<float[]> within = SharedModel.get().embed(List.of(words(0, 70) + "herons and egrets " + head,
                words(0, 70) + "deserts and dunes " + head));
        assertThat(SharedModel.cosine(within.get(0), within.get(1))).isLessThan(0.9999);
    }

    @Test
    void vectorsDoNotDependOnTheBatchSize() {
        List<String> texts = List.of("short", "", "a somewhat longer sentence about wading birds on a mudflat",
                words(0, 200), "Café ☕ 北京", "another short one", "x");
        List<float[]> one = SharedModel.get().embed(texts.subList(0, 1));
        try (DefaultEmbeddingFunction byTwo = DefaultEmbeddingFunction.create(
                DefaultEmbeddingFunction.Options.defaults().batchSize(2))) {
            List<float[]> all = SharedModel.get().embed(texts);
            List<float[]> paired = byTwo.embed(texts);
            for (int i = 0; i < texts.size(); i++) {
                float[] alone = SharedModel.get().embed(List.of(texts.get(i))).get(0);
                assertThat(SharedModel.cosine(all.get(i), alone)).as("text %d, batch of 7", i).isGreaterThan(0.99999);
                assertThat(SharedModel.cosine(paired.get(i), alone)).as("text %d, batch of 2", i).isGreaterThan(0.99999);
            }
            assertThat(one.get(0)).containsExactly(SharedModel.get().embed(List.of("short")).get(0));
        }
    }

    @Test
    void batchesCutFromTextsSortedByLengthGiveTheSameVectorsInTheGivenOrder() {
        List<String> texts = List.of("x", words(0, 120), "", "a wader", words(300, 40), "mudflat at dawn",
                words(500, 5), "Café ☕ 北京", words(700, 200));
        try (DefaultEmbeddingFunction sorted = DefaultEmbeddingFunction.create(
                DefaultEmbeddingFunction.Options.defaults().batchSize(3));
             DefaultEmbeddingFunction given = DefaultEmbeddingFunction.create(
                     DefaultEmbeddingFunction.Options.defaults().batchSize(3).sortByLength(false))) {
            assertThat(sorted.options().sortByLength()).isTrue();
            List<float[]> a = sorted.embed(texts);
            List<float[]> b = given.embed(texts);
            for (int i = 0; i < texts.size(); i++) {
                float[] alone = SharedModel.get().embed(List.of(texts.get(i))).get(0);
                assertThat(SharedModel.cosine(a.get(i), alone)).as("text %d, sorted", i).isGreaterThan(0.99999);
                assertThat(SharedModel.cosine(b.get(i), alone)).as("text %d, as given", i).isGreaterThan(0.99999);
            }
        }
    }

    @Test
    void aShortBatchAfterALongOneLeavesNoTraceOfIt() {
        // The second call reuses the first call's native buffers, which still hold its tokens.
        try (DefaultEmbeddingFunction f = DefaultEmbeddingFunction.create()) {
            float[] fresh = f.embed(List.of("a godwit")).get(0);
            f.embed(List.of(words(0, 250), words(1000, 250), words(2000, 250)));
            List<float[]> after = f.embed(List.of("a godwit", "a bar-tailed godwit on the mudflat"));
            assertThat(SharedModel.cosine(after.get(0), fresh)).isGreaterThan(0.99999);
            assertThat(after.get(1)).isNotEqualTo(after.get(0));
        }
    }

    @Test
    void aLongCallReportsProgressBatchByBatch() {
        List<String> progress = Collections.synchronizedList(new ArrayList<>());
        try (DefaultEmbeddingFunction f = DefaultEmbeddingFunction.create(DefaultEmbeddingFunction.Options.defaults()
                .batchSize(2).progress((task, done, total) -> progress.add(task + " " + done + "/" + total)))) {
            assertThat(f.embed(List.of("a", "b", "c", "d", "e"))).hasSize(5);
            assertThat(progress).containsExactly("embed 2/5", "embed 4/5", "embed 5/5");
            progress.clear();
            f.embed(List.of("one batch only"));
            assertThat(progress).isEmpty();
        }
    }

    @Test
    void manyThreadsGetTheVectorsOneThreadGets() throws Exception {
        List<String> texts = List.of("mudflat", "a godwit probes the sand for worms", words(0, 30), "", "東京");
        List<float[]> expected = SharedModel.get().embed(texts);
        List<Thread> threads = new ArrayList<>();
        List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
        for (int t = 0; t < 4; t++) {
            Thread thread = new Thread(() -> {
                try {
                    for (int round = 0; round < 3; round++) {
                        List<float[]> got = SharedModel.get().embed(texts);
                        for (int i = 0; i < texts.size(); i++) {
                            if (SharedModel.cosine(got.get(i), expected.get(i)) < 0.99999) {
                                throw new AssertionError("thread got another vector for text " + i);
                            }
                        }
                    }
                } catch (Throwable e) {
                    failures.add(e);
                }
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void aNullElementIsRefusedNamingItsIndexBeforeAnyWork() {
        assertThatThrownBy(() -> SharedModel.get().embed(Arrays.asList("a", "b", null, "d")))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("'default'").hasMessageContaining("input 2 of 4 is null")
                .extracting(e -> ((StoreException) e).kind()).isEqualTo(StoreException.Kind.INVALID_ARGUMENT);
        assertThatThrownBy(() -> SharedModel.get().embed(null))
                .isInstanceOf(StoreException.class).hasMessageContaining("the input list is null");
    }

    @Test
    void aClosedFunctionSaysSo() {
        DefaultEmbeddingFunction f = DefaultEmbeddingFunction.create();
        f.close();
        f.close();
        assertThatThrownBy(() -> f.embed(List.of("late")))
                .isInstanceOf(StoreException.class).hasMessageContaining("was closed");
    }

    @Test
    void badOptionsAreRefused() {
        assertThatThrownBy(() -> DefaultEmbeddingFunction.Options.defaults().batchSize(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("batchSize must be at least 1");
        assertThatThrownBy(() -> DefaultEmbeddingFunction.Options.defaults().intraOpThreads(-1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("intraOpThreads");
    }
}
