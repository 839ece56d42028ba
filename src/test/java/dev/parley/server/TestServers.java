package dev.parley.server;

import dev.parley.protocol.Limits;
import java.io.IOException;
import java.io.UncheckedIOException;

/// Real servers on a free loopback port for tests.
final class TestServers {

    private TestServers() {}

    static ParleyServer start(ServerConfig config) {
        try {
            return ParleyServer.start(config);
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    /// Default limits but no rate limit, so tests may send as fast as they like.
    static ParleyServer start() {
        return start(ServerConfig.forTests().withLimits(Limits.DEFAULTS.withRate(0, 0)));
    }
}
