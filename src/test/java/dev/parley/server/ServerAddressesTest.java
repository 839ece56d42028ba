package dev.parley.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.api.Test;

class ServerAddressesTest {

    @Test
    void everyAddressIsAWsUriOnThePortAndLocalhostComesLast() {
        var addresses = ServerAddresses.forPort(3001);
        assertThat(addresses).isNotEmpty();
        assertThat(addresses.getLast().uri().toString()).isEqualTo("ws://localhost:3001/ws");
        assertThat(addresses.getLast().loopback()).isTrue();
        for (var joinable : addresses.subList(0, addresses.size() - 1)) {
            assertThat(joinable.loopback()).isFalse();
            assertThat(joinable.uri().getPort()).isEqualTo(3001);
            assertThat(joinable.uri().getPath()).isEqualTo("/ws");
            assertThat(joinable.uri().getHost()).doesNotStartWith("127.").doesNotContain("%").doesNotStartWith("[fe80");
        }
    }

    @Test
    void ipv6AddressesAreBracketedAndShort() throws Exception {
        assertThat(ServerAddresses.uri(InetAddress.getByName("fd00::2"), 3001).toString()).isEqualTo("ws://[fd00::2]:3001/ws");
        assertThat(ServerAddresses.uri(InetAddress.getByName("2001:db8:0:0:1:0:0:1"), 80).toString())
                .isEqualTo("ws://[2001:db8::1:0:0:1]:80/ws");
        assertThat(ServerAddresses.uri(InetAddress.getByName("192.168.1.5"), 3001).toString()).isEqualTo("ws://192.168.1.5:3001/ws");
    }
}
