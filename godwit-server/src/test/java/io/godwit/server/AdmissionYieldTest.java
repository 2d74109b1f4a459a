package io.godwit.server;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A read waits while writers are held for the index, and takes its turn once they are let go, or once
 * its yield is over. Real threads; the wait is observed by what the read has seen, never timed.
 */
class AdmissionYieldTest {

    @Test
    void aReadWaitsWhileWritersAreHeldThenRuns() throws Exception {
        AtomicInteger held = new AtomicInteger(1);
        CountDownLatch polled = new CountDownLatch(3);
        Admission admission = new Admission(1, () -> {
            polled.countDown();
            return held.get();
        }, Duration.ofMinutes(5));
        AtomicBoolean ran = new AtomicBoolean();
        CompletableFuture<String> read = CompletableFuture.supplyAsync(() -> admission.run(() -> {
            ran.set(true);
            return "answer";
        }), task -> new Thread(task, "read").start());

        assertThat(polled.await(1, TimeUnit.MINUTES)).isTrue();
        assertThat(ran).isFalse();   // it looked three times and found writers held each time
        held.set(0);
        assertThat(read.get(1, TimeUnit.MINUTES)).isEqualTo("answer");
    }

    @Test
    void aReadTakesItsTurnWhenItsYieldIsOverEvenIfWritersStayHeld() throws Exception {
        Admission admission = new Admission(1, () -> 1, Duration.ofMillis(5));
        assertThat(CompletableFuture.supplyAsync(() -> admission.run(() -> "answer"),
                task -> new Thread(task, "read").start()).get(1, TimeUnit.MINUTES)).isEqualTo("answer");
    }

    @Test
    void withNoWritersHeldAReadRunsAtOnce() {
        Admission admission = new Admission(2, () -> 0, Duration.ofMinutes(5));
        assertThat(admission.run(() -> "answer")).isEqualTo("answer");   // a wait here would hang the test
    }
}
