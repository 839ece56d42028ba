package dev.parley.ui.connect;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

/// The command that lets others through this computer's firewall to the hosted port, for the
/// host to copy and run (Parley never runs it: changing the firewall is the owner's decision
/// and needs an administrator).
final class FirewallHint {

    /// Firewall front ends recognised on Linux, by the file of their command.
    static final String UFW = "ufw";
    static final String FIREWALLD = "firewalld";

    private FirewallHint() {}

    /// The command for `osName` (as `os.name` says it), or null when there is none to suggest:
    /// Linux with neither ufw nor firewalld (most likely no firewall at all). `linuxTools` are
    /// [#UFW] and/or [#FIREWALLD]; `appPath` is the installed app (macOS's firewall lets
    /// programs in, not ports).
    static String command(String osName, int port, Set<String> linuxTools, String appPath) {
        var os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            return "netsh advfirewall firewall add rule name=\"Parley\" dir=in action=allow protocol=TCP localport=" + port;
        }
        if (os.contains("mac")) {
            var app = appPath == null || appPath.isBlank() ? "/Applications/Parley.app" : appPath;
            return "sudo /usr/libexec/ApplicationFirewall/socketfilterfw --add \"" + app + "\" --unblockapp \"" + app + "\"";
        }
        if (linuxTools.contains(UFW)) {
            return "sudo ufw allow " + port + "/tcp";
        }
        if (linuxTools.contains(FIREWALLD)) {
            return "sudo firewall-cmd --add-port=" + port + "/tcp && sudo firewall-cmd --permanent --add-port=" + port + "/tcp";
        }
        return null;
    }

    /// The Linux firewall front ends installed here.
    static Set<String> linuxTools() {
        boolean ufw = Files.exists(Path.of("/usr/sbin/ufw")) || Files.exists(Path.of("/sbin/ufw"));
        boolean firewalld = Files.exists(Path.of("/usr/bin/firewall-cmd")) || Files.exists(Path.of("/usr/sbin/firewall-cmd"));
        return ufw && firewalld ? Set.of(UFW, FIREWALLD) : ufw ? Set.of(UFW) : firewalld ? Set.of(FIREWALLD) : Set.of();
    }

    /// This computer's command for `port`, or null.
    static String forThisComputer(int port) {
        var os = System.getProperty("os.name", "");
        var app = System.getProperty("jpackage.app-path");
        // jpackage's app path on macOS is …/Parley.app/Contents/MacOS/Parley: the firewall wants the bundle.
        if (app != null && app.contains(".app/")) {
            app = app.substring(0, app.indexOf(".app/") + 4);
        }
        return command(os, port, os.toLowerCase(Locale.ROOT).contains("linux") ? linuxTools() : Set.of(), app);
    }
}
