package dev.parley.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.parley.protocol.Limits;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/// Idle TCP connections count too: one address holds at most its WebSocket limit plus a few
/// spare sockets open, and a socket that never upgrades is closed after a short while.
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class SocketCapTest {

    private static final int MEMBERS_PER_ADDRESS = 3;
    private static final int SPARE = 2;
    private static final int CAP = MEMBERS_PER_ADDRESS + SPARE;

    private final List<Socket> sockets = new ArrayList<>();

    @AfterEach
    void closeSockets() throws IOException {
        for (var socket : sockets) {
            socket.close();
        }
    }

    private static ParleyServer start(Duration idleBeforeUpgrade) {
        return TestServers.start(ServerConfig.forTests()
                .withLimits(Limits.DEFAULTS.withConnections(1_000, MEMBERS_PER_ADDRESS))
                .withHttp(new HttpGuards(List.of(), idleBeforeUpgrade, SPARE)));
    }

    private Socket idleSocket(int port) throws IOException {
        var socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        socket.setSoTimeout(200);
        sockets.add(socket);
        return socket;
    }

    /// True once the server has closed `socket` (a read sees the end, or a reset).
    private static boolean closedByServer(Socket socket) {
        try {
            return socket.getInputStream().read() < 0;
        } catch (SocketTimeoutException stillOpen) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }

    @Test
    void socketsPastTheCapOfOneAddressAreClosed() throws Exception {
        try (var server = start(Duration.ofSeconds(30))) {
            for (int i = 0; i < CAP + 4; i++) {
                idleSocket(server.port());
            }
            // Which ones are refused depends on the order the server's threads count them in.
            await().atMost(Duration.ofSeconds(10)).until(() -> open(sockets).size() == CAP);
            var kept = open(sockets);

            kept.getFirst().close();
            await().atMost(Duration.ofSeconds(10)).until(() -> !closedByServer(idleSocket(server.port())));
        }
    }

    private static List<Socket> open(List<Socket> sockets) {
        return sockets.stream().filter(socket -> !socket.isClosed() && !closedByServer(socket)).toList();
    }

    @Test
    void aSocketThatNeverUpgradesIsClosedAfterTheIdleLimit() throws Exception {
        try (var server = start(Duration.ofMillis(500))) {
            var idle = idleSocket(server.port());
            await().atMost(Duration.ofSeconds(5)).until(() -> closedByServer(idle));
        }
    }

    @Test
    void anUpgradedConnectionOutlivesTheIdleLimitBeforeTheUpgrade() throws Exception {
        // Long enough for a loaded machine to send its handshake in time.
        try (var server = start(Duration.ofSeconds(2));
             var member = WsClient.connect(server, "clientId=quiet").joined()) {
            Thread.sleep(4_000); // silent on purpose, past the limit before the upgrade
            member.chat("still here");
            assertThat(member.next("chat").getAsJsonObject("payload").get("text").getAsString()).isEqualTo("still here");
        }
    }
}
