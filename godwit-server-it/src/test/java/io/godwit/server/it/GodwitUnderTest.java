package io.godwit.server.it;

import io.godwit.server.GodwitServer;
import io.godwit.server.ServerConfig;
import io.godwit.server.testing.ChromaPeer;
import io.godwit.store.http.HttpGodwitClient;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The Godwit server the acceptance tests talk to, started fresh for a test class and stopped after it.
 * Until the store lands, the server's store is the real Chroma peer reached through HttpGodwitClient,
 * so these tests prove Godwit's HTTP layer speaks what the frameworks expect.
 */
final class GodwitUnderTest implements AutoCloseable {
    private final ChromaPeer peer;
    private final GodwitServer server;

    private GodwitUnderTest(ChromaPeer peer, GodwitServer server) {
        this.peer = peer;
        this.server = server;
    }

    static GodwitUnderTest start(Path dir) throws Exception {
        ChromaPeer peer = ChromaPeer.start(dir.resolve("peer"));
        GodwitServer server = GodwitServer.start(ServerConfig.defaults().withPort(0),
                HttpGodwitClient.connect(peer.uri(), null, Duration.ofSeconds(30)));
        return new GodwitUnderTest(peer, server);
    }

    URI uri() {
        return server.uri();
    }

    @Override
    public void close() throws Exception {
        server.close();
        peer.close();
    }
}
