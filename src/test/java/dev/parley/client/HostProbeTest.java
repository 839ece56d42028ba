package dev.parley.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.server.ParleyServer;
import dev.parley.server.ServerConfig;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/// Probing remembered servers by unicast, against real servers on loopback.
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HostProbeTest {

    private final BlockingQueue<String> heard = new LinkedBlockingQueue<>();
    private final List<AutoCloseable> open = new java.util.ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (var closeable : open.reversed()) {
            closeable.close();
        }
    }

    private HostProbe probe(URI... servers) {
        var probe = HostProbe.start(List.of(servers), Duration.ofMillis(200), Duration.ofSeconds(2), new HostProbe.Listener() {
            @Override
            public void up(URI server, int connections) {
                heard.add("up " + server + " " + connections);
            }

            @Override
            public void down(URI server) {
                heard.add("down " + server);
            }
        });
        open.add(probe);
        return probe;
    }

    private String next() throws InterruptedException {
        var event = heard.poll(15, TimeUnit.SECONDS);
        assertThat(event).as("the probe reported something").isNotNull();
        return event;
    }

    @Test
    void aServerIsReportedUpThenDownWhenItStopsAndUpAgainWhenItReturns() throws Exception {
        var server = ParleyServer.start(ServerConfig.forTests());
        int port = server.port();
        var uri = server.localUri();
        probe(uri);
        assertThat(next()).isEqualTo("up " + uri + " 0");

        server.stop();
        assertThat(next()).isEqualTo("down " + uri);

        var again = ParleyServer.start(ServerConfig.forTests().withPort(port));
        open.add(again);
        assertThat(next()).isEqualTo("up " + uri + " 0");
    }

    @Test
    void anEncryptedServerCountsAsUpWithoutItsCertificateAndANeverAnsweringOneIsNeverReported() throws Exception {
        var tls = ParleyServer.start(ServerConfig.forTests().withTls(true));
        open.add(tls);
        int closed;
        try (var socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        var nobody = URI.create("ws://127.0.0.1:" + closed + "/ws");
        probe(nobody, tls.localUri());

        assertThat(next()).isEqualTo("up " + tls.localUri() + " -1");
        assertThat(heard.poll(1, TimeUnit.SECONDS)).as("a server that never answered is not 'down'").isNull();
    }
}
