package dev.parley.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class InviteTest {

    private static final String FP = "AB:".repeat(31) + "AB";

    @Test
    void aPlainRoomInvitesBrowsersOverHttpAndTheAppWithoutAFingerprint() {
        var invite = new Invite("192.168.1.20", 3001, "lobby", null);
        assertThat(invite.browserUrl()).isEqualTo("http://192.168.1.20:3001/?room=lobby");
        assertThat(invite.appLink()).isEqualTo("parley://192.168.1.20:3001/lobby");
        assertThat(invite.serverUri()).hasToString("ws://192.168.1.20:3001/ws");
    }

    @Test
    void aTlsRoomCarriesItsFingerprintInTheAppLinkOnly() {
        var invite = new Invite("fd00::5", 4000, "team talk", FP);
        assertThat(invite.browserUrl()).isEqualTo("https://[fd00::5]:4000/?room=team%20talk");
        assertThat(invite.appLink()).isEqualTo("parley://[fd00::5]:4000/team%20talk?fp=" + "AB".repeat(32));
        assertThat(invite.serverUri()).hasToString("wss://[fd00::5]:4000/ws");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            192.168.1.20 | 3001 | lobby     |
            fd00::5      | 4000 | team talk | AB:AB:AB:AB:AB:AB:AB:AB:AB:AB:AB:AB:AB:AB:AB:AB:AB:AB:AB:AB:AB:AB:AB:AB:AB:AB:AB:AB:AB:AB:AB:AB
            chat.lan     | 3001 | 日本       |
            """)
    void anAppLinkReadsBackToTheSameInvite(String host, int port, String room, String fingerprint) {
        var invite = new Invite(host, port, room, fingerprint);
        assertThat(Invite.parse(invite.appLink())).isEqualTo(invite);
    }

    @Test
    void aLinkWithoutPortOrRoomMeansTheDefaults() {
        assertThat(Invite.parse("  PARLEY://host  ")).isEqualTo(new Invite("host", 3001, "lobby", null));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            parley:lobby                       | has no server
            parley://                          | cannot be read
            parley://host:3001/a<b             | cannot be read
            parley://host:3001/bad!room        | room is not valid
            parley://host:3001/lobby?fp=1234   | 64 hex digits
            ws://host:3001                     | starts with parley://
            """)
    void aBrokenLinkIsRefusedWithAReason(String link, String reason) {
        assertThatThrownBy(() -> Invite.parse(link)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(reason);
    }
}
