package io.godwit.store.vector;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The writers' wait: first in, first out once there is room, counted in {@link WriteRoom#heldWriters()}
 * while held, and bounded when the room never comes. Real threads; no timing is asserted.
 */
class WriteRoomTest {
    private static final Duration LONG = Duration.ofMinutes(5);

    @Test
    void writersLeaveInTheOrderTheyCameAndAreCountedWhileHeld() throws Exception {
        WriteRoom room = new WriteRoom();
        AtomicBoolean roomy = new AtomicBoolean();
        List<String> left = new CopyOnWriteArrayList<>();
        int before = WriteRoom.heldWriters();
        Thread first = writer(room, roomy, LONG, "first", left);
        awaitHeld(before + 1);
        Thread second = writer(room, roomy, LONG, "second", left);
        awaitHeld(before + 2);
        assertThat(left).isEmpty();

        roomy.set(true);
        room.signal();
        first.join(TimeUnit.MINUTES.toMillis(1));
        second.join(TimeUnit.MINUTES.toMillis(1));
        assertThat(left).containsExactly("first", "second");
        assertThat(WriteRoom.heldWriters()).isEqualTo(before);
    }

    @Test
    void aWriterWithRoomAndNobodyAheadDoesNotWait() {
        WriteRoom room = new WriteRoom();
        room.await(() -> true, LONG);   // returns at once: a hang here fails the test by its timeout
        assertThat(WriteRoom.heldWriters()).isGreaterThanOrEqualTo(0);
    }

    @Test
    void aWaitIsBoundedWhenTheRoomNeverComes() throws Exception {
        WriteRoom room = new WriteRoom();
        int before = WriteRoom.heldWriters();
        List<String> left = new CopyOnWriteArrayList<>();
        Thread t = writer(room, new AtomicBoolean(), Duration.ofMillis(50), "bounded", left);
        t.join(TimeUnit.MINUTES.toMillis(1));
        assertThat(left).containsExactly("bounded");
        assertThat(WriteRoom.heldWriters()).isEqualTo(before);
    }

    private static Thread writer(WriteRoom room, AtomicBoolean roomy, Duration max, String name, List<String> left) {
        Thread t = new Thread(() -> {
            room.await(roomy::get, max);
            left.add(name);
        }, name);
        t.start();
        return t;
    }

    private static void awaitHeld(int n) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (WriteRoom.heldWriters() < n && System.nanoTime() < end) {
            Thread.sleep(5);
        }
        assertThat(WriteRoom.heldWriters()).isEqualTo(n);
    }
}
