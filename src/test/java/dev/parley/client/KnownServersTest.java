package dev.parley.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.parley.protocol.Fingerprint;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/// The pin file and the fingerprint form every part shares.
class KnownServersTest {

    private static final String A = Fingerprint.of(new byte[] {1});
    private static final String B = Fingerprint.of(new byte[] {2});

    @TempDir
    Path data;

    @Test
    void pinsSurviveAReopenAndForgettingOneTrustsOnFirstUseAgain() throws IOException {
        var store = KnownServers.inFolder(data);
        store.remember("192.168.1.20:3001", A);
        store.remember("[fe80::1]:3001", B.toLowerCase());

        var reopened = KnownServers.inFolder(data);
        assertThat(reopened.all()).isEqualTo(Map.of("192.168.1.20:3001", A, "[fe80::1]:3001", B));
        reopened.forget("192.168.1.20:3001");
        assertThat(KnownServers.inFolder(data).fingerprint("192.168.1.20:3001")).isNull();
        assertThat(Files.list(data).map(Path::getFileName).map(Path::toString)).containsExactly("known_servers");
    }

    @Test
    void aDamagedPinFileIsAnErrorNotAnEmptyList() throws IOException {
        Files.writeString(data.resolve("known_servers"), "10.0.0.1\\:3001=not-a-fingerprint\n");
        assertThatThrownBy(() -> KnownServers.inFolder(data)).isInstanceOf(IOException.class)
                .hasMessageContaining("known_servers could not be read").hasMessageContaining("64 hex digits");
    }

    @Test
    void concurrentPinsAreAllKept() throws IOException {
        var store = KnownServers.inFolder(data);
        IntStream.range(0, 40).parallel().forEach(i -> store.remember("10.0.0." + i + ":3001", A));
        assertThat(KnownServers.inFolder(data).all()).hasSize(40);
    }

    @ParameterizedTest
    @CsvSource({"wss://Host.LAN:3001/ws, host.lan:3001", "wss://[::1]:4000/ws, [::1]:4000", "wss://10.0.0.7/ws, 10.0.0.7:443"})
    void theKeyIsHostAndPort(String uri, String key) {
        assertThat(KnownServers.key(URI.create(uri))).isEqualTo(key);
    }

    @Test
    void aFingerprintIsReadInAnyCommonSpelling() {
        var bare = A.replace(":", "");
        assertThat(Fingerprint.normalize(bare.toLowerCase())).isEqualTo(A);
        assertThat(Fingerprint.normalize(" " + A.replace(":", " ") + " ")).isEqualTo(A);
        assertThat(A).matches("([0-9A-F]{2}:){31}[0-9A-F]{2}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "AB:CD", "zz00000000000000000000000000000000000000000000000000000000000000",
            "00000000000000000000000000000000000000000000000000000000000000000"})
    void anythingElseIsRefusedClearly(String text) {
        assertThatThrownBy(() -> Fingerprint.normalize(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("64 hex digits");
    }
}
