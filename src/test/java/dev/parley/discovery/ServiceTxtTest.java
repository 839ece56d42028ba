package dev.parley.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.net.NetworkInterface;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/// What goes into the TXT record and what a browser makes of it, without any network.
class ServiceTxtTest {

    static Stream<AnnouncedRoom> rooms() {
        return Stream.of(
                new AnnouncedRoom("Parley", 3001, List.of("lobby"), 0),
                new AnnouncedRoom("Alice's room ☕", 443, List.of("lobby", "大厅", "dev team", "v1.2_beta-3"), 12, true, true, "AB:CD:EF:01"),
                new AnnouncedRoom("张伟的聊天室", 65_535, List.of(), 1_000, false, true, "sha256/" + "f".repeat(64)),
                new AnnouncedRoom("x", 1, List.of("a"), 0, true, false, ""));
    }

    @ParameterizedTest
    @MethodSource("rooms")
    void whatIsAnnouncedIsWhatIsDiscovered(AnnouncedRoom room) {
        var txt = ServiceTxt.encode(room);

        var found = ServiceTxt.decode(ServiceTxt.instanceName(room), "192.168.1.20", room.port(), txt);

        assertThat(found).isEqualTo(DiscoveredRoom.of(room.serverName(), "192.168.1.20", room.port(), room.rooms(),
                room.members(), room.passwordProtected(), room.tls(), room.fingerprint()));
        assertThat(txt).containsEntry("v", "1").containsEntry("path", "/ws")
                .containsEntry("password", room.passwordProtected() ? "yes" : "no").containsEntry("tls", room.tls() ? "yes" : "no");
    }

    static Stream<Arguments> oversized() {
        return Stream.of(
                arguments(new AnnouncedRoom("名".repeat(200), 3001, List.of("lobby"), 1)),
                arguments(new AnnouncedRoom("n", 3001, Collections.nCopies(40, "room-with-a-longish-name"), 1)),
                arguments(new AnnouncedRoom("n", 3001, List.of("lobby"), 1, false, true, "😀".repeat(100))));
    }

    @ParameterizedTest
    @MethodSource("oversized")
    void everyTxtEntryFitsIn255BytesAndRoomsAreCutWhole(AnnouncedRoom room) {
        var txt = ServiceTxt.encode(room);

        txt.forEach((key, value) -> assertThat((key + "=" + value).getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(255));
        assertThat(ServiceTxt.decode("n", "10.0.0.1", 3001, txt).rooms()).isSubsetOf(room.rooms()).isNotEmpty();
        assertThat(room.serverName()).startsWith(txt.get("name"));
        assertThat(txt.get("name")).doesNotContain("\uFFFD");
    }

    static Stream<Arguments> instanceNames() {
        return Stream.of(arguments("Parley", "Parley"), arguments("  padded  ", "padded"),
                arguments("host.example.lan", "host example lan"), arguments("back\\slash", "back slash"),
                arguments("x".repeat(80), "x".repeat(63)), arguments("字".repeat(30), "字".repeat(21)));
    }

    @ParameterizedTest
    @MethodSource("instanceNames")
    void instanceNameIsOneDnsLabelWithoutDots(String serverName, String expected) {
        assertThat(ServiceTxt.instanceName(new AnnouncedRoom(serverName, 3001, List.of(), 0))).isEqualTo(expected);
    }

    static Stream<Arguments> strangeTxt() {
        return Stream.of(
                arguments(Map.of(), DiscoveredRoom.of("inst", "10.0.0.1", 3001, List.of(), 0, false, false, "")),
                arguments(Map.of("members", "many", "password", "true", "tls", "YES"),
                        DiscoveredRoom.of("inst", "10.0.0.1", 3001, List.of(), 0, false, false, "")),
                arguments(Map.of("members", "-4", "name", " ", "rooms", "a,b"),
                        DiscoveredRoom.of("inst", "10.0.0.1", 3001, List.of("a", "b"), 0, false, false, "")));
    }

    @ParameterizedTest
    @MethodSource("strangeTxt")
    void oddTxtValuesFallBackToSafeDefaults(Map<String, String> txt, DiscoveredRoom expected) {
        assertThat(ServiceTxt.decode("inst", "10.0.0.1", 3001, txt)).isEqualTo(expected);
    }

    static Stream<Arguments> uris() {
        return Stream.of(arguments("10.213.0.1", false, "ws://10.213.0.1:3001/ws"),
                arguments("10.213.0.1", true, "wss://10.213.0.1:3001/ws"),
                arguments("fd00::1", false, "ws://[fd00::1]:3001/ws"));
    }

    @ParameterizedTest
    @MethodSource("uris")
    void discoveredRoomKnowsItsWebSocketAddress(String host, boolean tls, String uri) {
        assertThat(DiscoveredRoom.of("n", host, 3001, List.of(), 0, false, tls, "").uri()).hasToString(uri);
    }

    @Test
    void impossibleAnnouncementsAreRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> new AnnouncedRoom(" ", 3001, List.of(), 0));
        assertThatIllegalArgumentException().isThrownBy(() -> new AnnouncedRoom("n", 0, List.of(), 0));
        assertThatIllegalArgumentException().isThrownBy(() -> new AnnouncedRoom("n", 65_536, List.of(), 0));
        assertThatIllegalArgumentException().isThrownBy(() -> new AnnouncedRoom("n", 3001, List.of(), -1));
    }

    @Test
    void theBuildSwitchesDiscoveryOffInTestJvms() {
        assertThat(System.getProperty(Interfaces.SWITCH)).isEqualTo("off");
        assertThat(Interfaces.suitable()).isEmpty();
    }

    @Test
    void onlyUpMulticastNonLoopbackInterfacesAreUsed() throws Exception {
        for (var local : Interfaces.candidates()) {
            var nic = NetworkInterface.getByName(local.interfaceName());
            assertThat(nic.isLoopback()).isFalse();
            assertThat(nic.isUp()).isTrue();
            assertThat(nic.supportsMulticast()).isTrue();
            assertThat(nic.inetAddresses().toList()).contains(local.address());
        }
    }
}
