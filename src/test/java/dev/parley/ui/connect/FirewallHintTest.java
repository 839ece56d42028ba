package dev.parley.ui.connect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class FirewallHintTest {

    @Test
    void linuxGetsTheCommandOfItsFirewallFrontEndUfwFirst() {
        assertThat(FirewallHint.command("Linux", 3001, Set.of(FirewallHint.UFW), null)).isEqualTo("sudo ufw allow 3001/tcp");
        assertThat(FirewallHint.command("Linux", 4000, Set.of(FirewallHint.FIREWALLD), null))
                .isEqualTo("sudo firewall-cmd --add-port=4000/tcp && sudo firewall-cmd --permanent --add-port=4000/tcp");
        assertThat(FirewallHint.command("Linux", 3001, Set.of(FirewallHint.UFW, FirewallHint.FIREWALLD), null)).startsWith("sudo ufw");
    }

    @Test
    void linuxWithoutAKnownFirewallGetsNoCommandToGuess() {
        assertThat(FirewallHint.command("Linux", 3001, Set.of(), null)).isNull();
    }

    @Test
    void windowsGetsANetshRuleForThePort() {
        assertThat(FirewallHint.command("Windows 11", 3002, Set.of(), null))
                .isEqualTo("netsh advfirewall firewall add rule name=\"Parley\" dir=in action=allow protocol=TCP localport=3002");
    }

    @Test
    void macOsLetsTheAppInRatherThanAPort() {
        assertThat(FirewallHint.command("Mac OS X", 3001, Set.of(), "/Applications/Parley.app"))
                .isEqualTo("sudo /usr/libexec/ApplicationFirewall/socketfilterfw --add \"/Applications/Parley.app\""
                        + " --unblockapp \"/Applications/Parley.app\"");
        assertThat(FirewallHint.command("Mac OS X", 3001, Set.of(), null)).contains("/Applications/Parley.app");
    }
}
