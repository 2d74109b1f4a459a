package io.godwit.server;

import io.godwit.store.LegacyStoreClient;
import io.godwit.store.http.HttpGodwitClient;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** The contract on the HTTP client, through a server on a free loopback port over a persist directory. */
class HttpClientContractTest extends StoreClientContract {
    @TempDir
    Path dir;
    private GodwitServer server;

    @Override
    LegacyStoreClient open() {
        server = GodwitServer.start(ServerConfig.of(new StoreLocation.Directory(dir)).withPort(0));
        return HttpGodwitClient.connect("127.0.0.1", server.port());
    }

    @Override
    void closeStore() {
        server.close();
    }
}
