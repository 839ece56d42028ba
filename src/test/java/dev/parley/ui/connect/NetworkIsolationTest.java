package dev.parley.ui.connect;

import dev.parley.ui.common.Note;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.ui.connect.NetworkIsolation.LocalAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class NetworkIsolationTest {

    private static LocalAddress at(String name, boolean wireless, int a, int b, int prefix) {
        return new LocalAddress(name, wireless, new byte[] {(byte) a, (byte) b, 1, 2}, prefix);
    }

    @Test
    void aHomeOrOfficeNetworkGetsNoWarning() {
        assertThat(NetworkIsolation.warning(List.of(at("wlan0", true, 192, 168, 24)))).isNull();
        assertThat(NetworkIsolation.warning(List.of(at("eth0", false, 10, 0, 16)))).as("wired, however large").isNull();
        assertThat(NetworkIsolation.warning(List.of())).as("no address: another hint says so").isNull();
    }

    @Test
    void onlyALargeWifiNetworkWarnsOfGuestIsolation() {
        assertThat(NetworkIsolation.warning(List.of(at("wlp2s0", true, 10, 20, 16)))).isEqualTo(Note.of("host.largeWifi"));
        assertThat(NetworkIsolation.warning(List.of(at("wlan0", true, 172, 20, 20)))).isEqualTo(Note.of("host.largeWifi"));
        assertThat(NetworkIsolation.warning(List.of(at("wlan0", true, 172, 20, 21)))).isNull();
        assertThat(NetworkIsolation.warning(List.of(at("wlan0", true, 10, 20, 16), at("eth0", false, 192, 168, 24))))
                .as("a cable to another network is a way in").isNull();
    }

    @Test
    void sharedAddressSpaceWarnsWhateverTheInterface() {
        assertThat(NetworkIsolation.warning(List.of(at("wwan0", false, 100, 64, 10)))).isEqualTo(Note.of("host.sharedNetwork"));
        assertThat(NetworkIsolation.warning(List.of(at("eth0", false, 100, 127, 24)))).isEqualTo(Note.of("host.sharedNetwork"));
        assertThat(NetworkIsolation.warning(List.of(at("eth0", false, 100, 128, 24)))).isNull();
    }
}
