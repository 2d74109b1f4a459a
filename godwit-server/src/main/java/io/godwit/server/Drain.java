package io.godwit.server;

import java.util.concurrent.TimeUnit;

/**
 * Counts requests in progress so that stopping lets them finish: once {@link #close} is called, new
 * requests are refused with 503 and {@link #awaitIdle} waits (bounded) for the last one to leave.
 */
final class Drain {
    private int inFlight;
    private boolean closed;

    synchronized boolean enter() {
        if (closed) {
            return false;
        }
        inFlight++;
        return true;
    }

    synchronized void leave() {
        inFlight--;
        if (inFlight == 0) {
            notifyAll();
        }
    }

    synchronized void close() {
        closed = true;
    }

    /** True when every request in progress finished within the timeout. */
    synchronized boolean awaitIdle(long timeout, TimeUnit unit) throws InterruptedException {
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        while (inFlight > 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
    }
}
