package dev.parley.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.client.ClientConfig;
import dev.parley.client.ClientEvent;
import dev.parley.client.ConnectionState;
import dev.parley.client.ParleyClient;
import dev.parley.protocol.Fingerprint;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/// `parley --headless --tls` as a child process: it prints `wss://` addresses and the
/// fingerprint of the certificate it made in the data folder, and a member given that
/// fingerprint joins.
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HeadlessTlsProcessTest {

    @TempDir
    Path data;

    @Test
    void theTlsServerPrintsItsFingerprintAndAMemberCheckingItJoins() throws Exception {
        var java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // Discovery off: a headless server announces by default, and tests never multicast outside
        // a network namespace of their own.
        var process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "-Dparley.discovery=off",
                Main.class.getName(), "--headless", "--tls", "--no-announce", "--port", "0", "--data", data.toString())
                .redirectErrorStream(true).start();
        try {
            var printed = new LinkedBlockingQueue<String>();
            Thread.ofVirtual().start(() -> new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))
                    .lines().forEach(printed::add));
            var lines = new ArrayList<String>();
            for (String line; (line = printed.poll(20, TimeUnit.SECONDS)) != null && !line.startsWith("Press Ctrl+C"); ) {
                lines.add(line.strip());
            }
            var local = lines.stream().filter(line -> line.startsWith("wss://localhost:")).findFirst()
                    .map(line -> URI.create(line.split("\\s+")[0])).orElseThrow(() -> new AssertionError("printed: " + lines));
            assertThat(lines).noneMatch(line -> line.startsWith("ws://"));
            var store = KeyStore.getInstance("PKCS12");
            try (var in = Files.newInputStream(data.resolve("tls/parley.p12"))) {
                store.load(in, Files.readString(data.resolve("tls/parley.password")).toCharArray());
            }
            var fingerprint = Fingerprint.of(store.getCertificate("parley").getEncoded());
            assertThat(lines).contains(fingerprint);
            assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("Invite: https://").contains("/?room=lobby",
                    "parley://", "/lobby?fp=" + fingerprint.replace(":", "")));
            assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("Cannot join? Open https://").contains("/check"));

            var events = new LinkedBlockingQueue<ClientEvent>();
            try (var member = new ParleyClient(ClientConfig.of(local, "alice", null, null).withExpectedFingerprint(fingerprint), events::add)) {
                member.connect();
                for (ClientEvent event; (event = events.poll(20, TimeUnit.SECONDS)) != null; ) {
                    if (event instanceof ClientEvent.StateChanged state && state.state() != ConnectionState.CONNECTING) {
                        assertThat(state.state()).as("%s", state).isEqualTo(ConnectionState.CONNECTED);
                        break;
                    }
                }
                assertThat(member.state()).isEqualTo(ConnectionState.CONNECTED);
            }
        } finally {
            process.destroyForcibly();
        }
    }
}
