package dev.parley.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/// A real server with TLS on a free loopback port: its certificate, the page over https, and
/// what clear text gets on the TLS port.
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TlsServerTest {

    @TempDir
    Path data;

    @Test
    void theCertificateIsMadeOnceKeptOwnerOnlyAndReusedAfterARestart() throws Exception {
        String first;
        try (var server = ParleyServer.start(ServerConfig.forTests().withTls(true).withDataDir(data))) {
            first = server.fingerprint();
            assertThat(server.localUri().getScheme()).isEqualTo("wss");
        }
        assertThat(first).matches("([0-9A-F]{2}:){31}[0-9A-F]{2}");
        var store = data.resolve("tls/parley.p12");
        var password = data.resolve("tls/parley.password");
        assertThat(store).isRegularFile();
        if (Files.getFileStore(data).supportsFileAttributeView("posix")) {
            var ownerOnly = Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
            assertThat(Files.getPosixFilePermissions(store)).isEqualTo(ownerOnly);
            assertThat(Files.getPosixFilePermissions(password)).isEqualTo(ownerOnly);
            assertThat(Files.getPosixFilePermissions(store.getParent())).doesNotContain(
                    PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ);
        }
        var keyStore = KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(store)) {
            keyStore.load(in, Files.readString(password).toCharArray());
        }
        var certificate = (X509Certificate) keyStore.getCertificate("parley");
        assertThat(certificate.getSubjectX500Principal().getName()).isEqualTo("CN=Parley");
        assertThat(certificate.getPublicKey().getAlgorithm()).isEqualTo("EC");
        assertThat(certificate.getNotAfter().toInstant()).isAfter(Instant.now().plus(Duration.ofDays(3640)));
        // Loopback is up wherever these tests run (they connect to it).
        assertThat(certificate.getSubjectAlternativeNames()).contains(List.of(2, "localhost"), List.of(7, "127.0.0.1"));

        try (var again = ParleyServer.start(ServerConfig.forTests().withTls(true).withDataDir(data))) {
            assertThat(again.fingerprint()).isEqualTo(first);
        }
    }

    @Test
    void withoutADataFolderEachServerHasItsOwnCertificateAndWithoutTlsNone() throws Exception {
        try (var one = ParleyServer.start(ServerConfig.forTests().withTls(true));
             var two = ParleyServer.start(ServerConfig.forTests().withTls(true));
             var plain = ParleyServer.start(ServerConfig.forTests())) {
            assertThat(one.fingerprint()).isNotNull().isNotEqualTo(two.fingerprint());
            assertThat(plain.fingerprint()).isNull();
            assertThat(plain.localUri().getScheme()).isEqualTo("ws");
        }
    }

    @Test
    void aDamagedKeyStoreStopsTheStartWithAClearErrorAndIsKept() throws Exception {
        var folder = Files.createDirectories(data.resolve("tls"));
        Files.writeString(folder.resolve("parley.p12"), "not a key store");
        Files.writeString(folder.resolve("parley.password"), "whatever");

        assertThatThrownBy(() -> ParleyServer.start(ServerConfig.forTests().withTls(true).withDataDir(data)))
                .hasMessageContaining("parley.p12 could not be read")
                .hasMessageContaining("Move the folder");
        assertThat(Files.readString(folder.resolve("parley.p12"))).isEqualTo("not a key store");
    }

    @Test
    void thePageLoadsOverHttpsAndPlainHttpIsSentThere() throws Exception {
        try (var server = ParleyServer.start(ServerConfig.forTests().withTls(true));
             var plainServer = ParleyServer.start(ServerConfig.forTests());
             var http = HttpClient.newBuilder().sslContext(trustAll()).build()) {
            var base = "127.0.0.1:" + server.port();
            var health = get(http, "https://" + base + "/healthz");
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.sslSession()).isPresent();
            // The page itself comes from the web branch: over https it is whatever plain http serves.
            var page = get(http, "https://" + base + "/");
            var plainPage = get(http, "http://127.0.0.1:" + plainServer.port() + "/");
            assertThat(page.statusCode()).isEqualTo(plainPage.statusCode());

            var plain = get(http, "http://" + base + "/healthz?x=1");
            assertThat(plain.statusCode()).isEqualTo(308);
            assertThat(plain.headers().firstValue("Location")).hasValue("https://" + base + "/healthz?x=1");
        }
    }

    private static HttpResponse<String> get(HttpClient http, String uri) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(uri)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /// What a test browser does with a self-signed certificate: accept it (clients pin instead).
    static SSLContext trustAll() throws Exception {
        var context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {}

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {}

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        }}, new SecureRandom());
        return context;
    }
}
