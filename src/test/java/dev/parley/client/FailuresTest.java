package dev.parley.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.protocol.ErrorCode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLHandshakeException;
import org.eclipse.jetty.websocket.core.exception.UpgradeException;
import org.junit.jupiter.api.Test;

/// How failures read, for the causes a loopback test cannot produce (DNS, TLS, timeouts).
class FailuresTest {

    private static final URI URI = java.net.URI.create("ws://host:3001/ws");

    private static DisconnectReason connectFailure(Throwable error) {
        // Jetty wraps the cause, as connectToServer does.
        return Failures.ofConnectFailure(new IOException("wrapped", error)).reason();
    }

    @Test
    void connectFailuresNameTheirReason() {
        assertThat(connectFailure(new UnknownHostException("nowhere.invalid"))).isEqualTo(DisconnectReason.UNREACHABLE);
        assertThat(connectFailure(new ConnectException("Connection refused"))).isEqualTo(DisconnectReason.UNREACHABLE);
        assertThat(connectFailure(new SocketTimeoutException("connect timed out"))).isEqualTo(DisconnectReason.UNREACHABLE);
        assertThat(connectFailure(new TimeoutException())).isEqualTo(DisconnectReason.UNREACHABLE);
        assertThat(connectFailure(new UpgradeException(URI, 403, "Forbidden"))).isEqualTo(DisconnectReason.REFUSED);
        assertThat(connectFailure(new SSLHandshakeException("PKIX path building failed"))).isEqualTo(DisconnectReason.REFUSED);
        assertThat(Failures.ofConnectFailure(new UpgradeException(URI, 404, "Not Found")).detail()).contains("404");
    }

    @Test
    void closesAreReadWithTheErrorThatCameBefore() {
        assertThat(Failures.ofClose(1008, "policy", ErrorCode.AUTH_FAILED, false, false).reason()).isEqualTo(DisconnectReason.WRONG_PASSWORD);
        assertThat(Failures.ofClose(1008, "policy", ErrorCode.NAME_INVALID, false, false).reason()).isEqualTo(DisconnectReason.NAME_INVALID);
        assertThat(Failures.ofClose(1013, "later", ErrorCode.SERVER_FULL, false, false).reason()).isEqualTo(DisconnectReason.SERVER_FULL);
        assertThat(Failures.ofClose(1013, "later", null, false, false).reason()).isEqualTo(DisconnectReason.SERVER_FULL);
        assertThat(Failures.ofClose(1008, "bad room", null, false, false).reason()).isEqualTo(DisconnectReason.REFUSED);
        assertThat(Failures.ofClose(1008, "rate limit", ErrorCode.RATE_LIMITED, false, true).reason()).isEqualTo(DisconnectReason.LOST);
        assertThat(Failures.ofClose(1001, "stopping", null, true, true).reason()).isEqualTo(DisconnectReason.SERVER_CLOSED);
        assertThat(Failures.ofClose(1006, "", null, false, true).reason()).isEqualTo(DisconnectReason.LOST);
    }

    @Test
    void onlyWhatRetryingCannotFixIsFinal() {
        assertThat(Failures.isFinal(DisconnectReason.WRONG_PASSWORD, true)).isTrue();
        assertThat(Failures.isFinal(DisconnectReason.NAME_INVALID, true)).isTrue();
        assertThat(Failures.isFinal(DisconnectReason.REFUSED, false)).isTrue();
        assertThat(Failures.isFinal(DisconnectReason.REFUSED, true)).as("a restarting server may answer 404 briefly").isFalse();
        for (var reason : new DisconnectReason[] {DisconnectReason.SERVER_FULL, DisconnectReason.UNREACHABLE,
                DisconnectReason.LOST, DisconnectReason.SERVER_CLOSED}) {
            assertThat(Failures.isFinal(reason, false)).as(reason.name()).isFalse();
        }
    }

    @Test
    void theHandshakeCarriesNamePasswordAndRoomPercentEncoded() {
        var uri = HandshakeUri.of(URI, "Zoë & co", "games night", "p@ss word+1");
        assertThat(uri.getRawQuery()).isEqualTo("clientId=Zo%C3%AB%20%26%20co&room=games%20night&token=p%40ss%20word%2B1");
        assertThat(uri.getQuery()).contains("clientId=Zoë & co", "token=p@ss word+1");
        assertThat(HandshakeUri.of(URI, null, "lobby", "")).hasToString("ws://host:3001/ws?room=lobby");
        assertThat(HandshakeUri.of(URI, null, null, null)).isEqualTo(URI);
    }
}
