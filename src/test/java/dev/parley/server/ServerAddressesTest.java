package dev.parley.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.nio.file.Path;
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

    @Test
    void dataFolderFollowsEachPlatformsHabit() {
        assertThat(DataFolders.forPlatform("Linux", "/home/ann", null, null)).isEqualTo(Path.of("/home/ann/.local/share/parley"));
        assertThat(DataFolders.forPlatform("Linux", "/home/ann", null, "/data")).isEqualTo(Path.of("/data/parley"));
        assertThat(DataFolders.forPlatform("Mac OS X", "/Users/ann", null, null))
                .isEqualTo(Path.of("/Users/ann/Library/Application Support/Parley"));
        assertThat(DataFolders.forPlatform("Windows 11", "C:/Users/ann", "C:/Users/ann/AppData/Roaming", null))
                .isEqualTo(Path.of("C:/Users/ann/AppData/Roaming", "Parley"));
        assertThat(DataFolders.defaultFolder()).isAbsolute();
    }
}
