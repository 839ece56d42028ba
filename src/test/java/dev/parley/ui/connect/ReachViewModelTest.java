package dev.parley.ui.connect;

import dev.parley.ui.WindowFixture;
import dev.parley.ui.common.Background;
import dev.parley.ui.common.Note;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.parley.client.ClientConfig;
import dev.parley.client.ParleyClient;
import dev.parley.protocol.Invite;
import dev.parley.server.RefusedAttempt;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/// The host's view of who could not join, on a real server with a real client. The "FX
/// thread" is the test's own: hand-offs queue up and the test runs them.
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ReachViewModelTest {

    private final LinkedBlockingQueue<Runnable> fx = new LinkedBlockingQueue<>();
    private final HostViewModel host = new HostViewModel(fx::add, Background.direct(), null);

    @AfterEach
    void stopHosting() {
        host.stop();
    }

    private void runFx() {
        for (Runnable task; (task = fx.poll()) != null; ) {
            task.run();
        }
    }

    private void hostOnAFreePort(String password) throws Exception {
        host.portProperty().set(WindowFixture.freePort());
        host.passwordProperty().set(password);
        host.announcing().announceProperty().set(false);
        host.start();
        assertThat(host.hostingProperty().get()).isTrue();
    }

    @Test
    void aWrongPasswordFromARealClientShowsAsARefusedAttemptByAddressAndReason() throws Exception {
        hostOnAFreePort("s3cret");
        var uri = host.server().localUri();
        for (int i = 0; i < 2; i++) {
            try (var eve = new ParleyClient(ClientConfig.of(uri, "eve", "lobby", "guess"), event -> { })) {
                eve.connect();
                int expected = i + 1;
                await().atMost(Duration.ofSeconds(20)).until(() -> {
                    runFx();
                    return !host.reach().refused().isEmpty() && host.reach().refused().getFirst().count() == expected;
                });
            }
        }

        var row = host.reach().refused().getFirst();
        assertThat(host.reach().refused()).hasSize(1);
        assertThat(row.address()).isEqualTo("127.0.0.1");
        assertThat(row.reason()).isEqualTo(RefusedAttempt.Reason.PASSWORD);
        assertThat(row.detail()).isEqualTo("wrong password");

        host.stop();
        assertThat(host.reach().refused()).isEmpty();
    }

    @Test
    void invitesFollowTheRoomAndTheFirstIsShown() throws Exception {
        hostOnAFreePort("");
        var reach = host.reach();
        var others = host.addresses().stream().filter(a -> !a.loopback()).count();
        assertThat(reach.invites()).hasSize((int) others);
        if (others == 0) {
            assertThat(reach.shownProperty().get()).isNull();
            return;
        }
        reach.roomProperty().set("team");
        assertThat(reach.invites()).allSatisfy(invite -> {
            assertThat(invite.room()).isEqualTo("team");
            assertThat(invite.port()).isEqualTo(host.server().port());
            assertThat(invite.tls()).isFalse();
        });
        assertThat(reach.shownProperty().get()).isEqualTo(reach.invites().getFirst());
        var last = reach.invites().getLast();
        reach.show(last);
        reach.roomProperty().set("other");
        assertThat(reach.shownProperty().get()).isEqualTo(new Invite(last.host(), last.port(), "other", null));
    }

    @Test
    void silenceFromTheNetworkBringsTheFirewallHintOnlyAfterTheQuietPeriod() throws Exception {
        hostOnAFreePort("");
        var reach = host.reach();
        boolean reachable = host.addresses().stream().anyMatch(a -> !a.loopback());
        var start = Instant.parse("2026-12-08T10:00:00Z");
        reach.tick(start);
        reach.tick(start.plus(HostViewModel.QUIET).minusSeconds(1));
        assertThat(reach.quietHintProperty().get()).isNull();

        reach.tick(start.plus(HostViewModel.QUIET));

        assertThat(host.server().lastVisitFromNetwork()).as("only loopback here").isNull();
        assertThat(reach.quietHintProperty().get())
                .isEqualTo(reachable ? Note.of("host.nobodyReached", HostViewModel.QUIET.toMinutes(), host.server().port()) : null);
        assertThat(reach.firewallCommandProperty().get()).isEqualTo(reachable
                ? FirewallHint.forThisComputer(host.server().port()) : null);
    }
}
