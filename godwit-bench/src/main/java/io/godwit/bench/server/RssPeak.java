package io.godwit.bench.server;

/**
 * The largest resident set of a server process while it runs a load: sampled every 200 ms by a
 * daemon thread from when it is created until {@link #close}, so a peak between samples of a
 * single reading after the load is not missed.
 */
final class RssPeak implements AutoCloseable {
    private final Thread sampler;
    private volatile long peak = -1;
    private volatile boolean running = true;

    private RssPeak(ServerProcess server) {
        sampler = new Thread(() -> {
            while (running) {
                peak = Math.max(peak, server.rssMegabytes());
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "rss-peak");
        sampler.setDaemon(true);
        sampler.start();
    }

    static RssPeak of(ServerProcess server) {
        return new RssPeak(server);
    }

    /** The peak so far, in MB; -1 when /proc could not be read. */
    long megabytes() {
        return peak;
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        sampler.interrupt();
        sampler.join();
    }
}
