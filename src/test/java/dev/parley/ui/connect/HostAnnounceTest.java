package dev.parley.ui.connect;

import dev.parley.ui.WindowFixture;
import dev.parley.ui.common.Background;
import dev.parley.ui.common.Note;
import dev.parley.ui.common.Settings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.server.ServerAddresses;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/// Hosting with announcing on and off, on a real server. The build switches discovery off
/// (`-Dparley.discovery=off`), so the announcer runs but announces on no interface: nothing
/// leaves this machine.
@Timeout(30)
class HostAnnounceTest {

    private final HostViewModel host = new HostViewModel(Background.direct(), null);

    @AfterEach
    void stopHosting() {
        host.stop();
    }

    @Test
    void hostingAnnouncesWithTheRoomsDetailsAndWithdrawsWhenHostingStops() throws Exception {
        assertThat(System.getProperty("parley.discovery")).as("the build keeps discovery off in tests").isEqualTo("off");
        host.portProperty().set(WindowFixture.freePort());
        host.passwordProperty().set("pw");
        host.serverNameProperty().set("ann");
        host.start();

        assertThat(host.hostingProperty().get()).isTrue();
        var announcer = host.announcing().announcer();
        assertThat(announcer).isNotNull();
        assertThat(announcer.interfaces()).isEmpty();
        assertThat(host.announcing().statusProperty().get()).isEqualTo(Note.of("announce.nowhere"));
        assertThat(announcer.room().serverName()).isEqualTo("ann");
        assertThat(announcer.room().port()).isEqualTo(host.server().port());
        assertThat(announcer.room().passwordProtected()).isTrue();
        assertThat(announcer.room().rooms()).containsExactly("lobby");
        assertThat(host.firewallHintProperty().get()).isEqualTo(Note.of("host.firewall", host.server().port()));
        boolean reachable = host.addresses().stream().anyMatch(a -> !a.loopback());
        assertThat(host.networkHintProperty().get()).isEqualTo(reachable ? null : Note.of("host.noNetwork"));
        assertThat(host.addresses()).anyMatch(ServerAddresses.Joinable::loopback);

        host.stop();
        assertThat(host.announcing().announcer()).isNull();
        assertThat(host.announcing().statusProperty().get()).isNull();
        assertThat(host.firewallHintProperty().get()).isNull();
    }

    @Test
    void theSwitchWithdrawsAndRestartsWhileHostingAndTheCommandLineCanForbidIt() throws Exception {
        host.portProperty().set(WindowFixture.freePort());
        host.start();
        assertThat(host.announcing().announcer()).isNotNull();

        host.announcing().announceProperty().set(false);
        assertThat(host.announcing().announcer()).isNull();
        assertThat(host.announcing().statusProperty().get()).isEqualTo(Note.of("announce.off"));

        host.announcing().announceProperty().set(true);
        assertThat(host.announcing().announcer()).isNotNull();

        host.announcing().allowedProperty().set(false);
        assertThat(host.announcing().announcer()).isNull();
        host.stop();
        host.start();
        assertThat(host.hostingProperty().get()).isTrue();
        assertThat(host.announcing().announcer()).as("--no-announce wins over the checkbox").isNull();
    }

    @Test
    void theChoiceIsKeptInTheSettings(@TempDir Path dir) throws Exception {
        var settings = new Settings();
        assertThat(settings.announce()).isTrue();
        settings.announce(false);
        settings.save(dir);
        assertThat(Settings.load(dir).announce()).isFalse();
        assertThat(settings.copy().announce()).isFalse();
    }
}
