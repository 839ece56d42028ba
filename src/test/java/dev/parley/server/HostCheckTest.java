package dev.parley.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/// DNS rebinding: a page on a foreign name made to point at this machine is "same origin" with
/// itself, so only the `Host` check keeps it from reading the room (design.md, "Security").
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HostCheckTest {

    private static final ParleyServer SERVER = TestServers.start(ServerConfig.forTests()
            .withHttp(HttpGuards.DEFAULTS.withAllowedHosts(List.of("chat.example", "alias.example:8443"))));
    private static final int PORT = SERVER.port();

    @AfterAll
    static void stop() {
        SERVER.stop();
    }

    @Test
    void aRebindingPageIsRefusedBeforeTheUpgrade() throws Exception {
        var evil = "evil.example:" + PORT;
        var answer = RawHttp.get(PORT, "/ws?clientId=victim", RawHttp.upgrade(evil, "http://" + evil));
        assertThat(answer.status()).isEqualTo(HostGuard.MISDIRECTED);
        assertThat(answer.headers()).doesNotContainKey("sec-websocket-accept");
        assertThat(SERVER.stats().connections()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/parley.js", "/healthz", "/metrics"})
    void aRebindingPageGetsNoPageNorStatus(String path) throws Exception {
        var answer = RawHttp.get(PORT, path, "Host: evil.example:" + PORT);
        assertThat(answer.status()).isEqualTo(HostGuard.MISDIRECTED);
        assertThat(answer.body()).doesNotContain("Parley", "connections", "parley_");
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "localhost", "LOCALHOST.", "[::1]", "chat.example", "alias.example:8443"})
    void ownNamesAndAllowedHostsGetThePage(String host) throws Exception {
        var authority = host.contains(":") && !host.startsWith("[") ? host : host + ":" + PORT;
        assertThat(RawHttp.get(PORT, "/", "Host: " + authority).status()).isEqualTo(200);
    }

    @Test
    void thisMachinesOwnAddressesGetThePage() throws Exception {
        for (var joinable : ServerAddresses.forPort(PORT)) {
            var authority = joinable.uri().getRawAuthority();
            assertThat(RawHttp.get(PORT, "/", "Host: " + authority).status()).as(authority).isEqualTo(200);
        }
    }

    @Test
    void anAddressOfAnotherMachineIsRefused() throws Exception {
        assertThat(RawHttp.get(PORT, "/", "Host: 192.0.2.7:" + PORT).status()).isEqualTo(HostGuard.MISDIRECTED);
    }

    @Test
    void theOwnPageUpgradesWithItsOrigin() throws Exception {
        var own = "127.0.0.1:" + PORT;
        assertThat(RawHttp.get(PORT, "/ws?clientId=page", RawHttp.upgrade(own, "http://" + own)).status()).isEqualTo(101);
    }

    /// A native client (no `Origin`: no browser) may have reached this server by any name.
    @Test
    void aNativeClientUpgradesWhateverNameItUsed() throws Exception {
        assertThat(RawHttp.get(PORT, "/ws?clientId=native", RawHttp.upgrade("some-alias.lan:" + PORT, null)).status())
                .isEqualTo(101);
    }
}
