package dev.parley.discovery;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/// Avahi (the Linux mDNS daemon) running inside test namespace `parley-b`, with a private D-Bus
/// of its own (a socket in a temp folder, never the machine's bus), limited to the test veth.
final class AvahiInNamespace implements AutoCloseable {

    private static final Path PID_FILE = Path.of("/run/avahi-daemon/pid");

    private final Path folder;
    private final String busAddress;
    private final List<Process> daemons = new ArrayList<>();

    /// Why Avahi cannot run here, or null when it can.
    static String unavailableBecause() {
        for (var program : List.of("avahi-daemon", "avahi-browse", "dbus-daemon")) {
            if (!onPath(program)) {
                return "'" + program + "' is not installed (apt packages avahi-daemon avahi-utils dbus)";
            }
        }
        if (Files.exists(PID_FILE)) {
            return "an avahi-daemon already runs on this machine (" + PID_FILE + ")";
        }
        if (!Files.isReadable(Path.of("/usr/share/dbus-1/system.conf"))) {
            return "no /usr/share/dbus-1/system.conf to base a private bus on";
        }
        return null;
    }

    AvahiInNamespace() throws IOException, InterruptedException {
        folder = Files.createTempDirectory("parley-avahi-");
        var bus = folder.resolve("bus");
        busAddress = "unix:path=" + bus;
        var dbusConfig = Files.readString(Path.of("/usr/share/dbus-1/system.conf"))
                .replace("<user>messagebus</user>", "")
                .replaceAll("<pidfile>[^<]*</pidfile>", "")
                .replaceAll("<listen>[^<]*</listen>", "<listen>" + busAddress + "</listen>")
                .replace("<includedir>system.d</includedir>", "<includedir>/usr/share/dbus-1/system.d</includedir>");
        Files.writeString(folder.resolve("dbus.conf"), dbusConfig);
        Files.writeString(folder.resolve("avahi.conf"), """
                [server]
                host-name=parley-avahi-b
                use-ipv4=yes
                use-ipv6=no
                allow-interfaces=%s
                enable-dbus=yes
                [wide-area]
                enable-wide-area=no
                [publish]
                publish-addresses=no
                publish-hinfo=no
                publish-workstation=no
                publish-domain=no
                """.formatted(TestNamespaces.VETH_B));
        start("dbus-daemon", "--config-file=" + folder.resolve("dbus.conf"), "--nofork", "--nopidfile");
        for (int i = 0; i < 50 && !Files.exists(bus); i++) {
            Thread.sleep(100);
        }
        Files.createDirectories(PID_FILE.getParent());
        start("avahi-daemon", "--no-drop-root", "--no-chroot", "--no-rlimits", "-f", folder.resolve("avahi.conf").toString());
    }

    /// `avahi-browse -r -t -p _parley._tcp` inside the namespace: one line per record.
    List<String> browse() throws IOException, InterruptedException {
        var process = builder(List.of("timeout", "8", "avahi-browse", "-r", "-t", "-p", "_parley._tcp"))
                .redirectErrorStream(true).start();
        var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor(10, TimeUnit.SECONDS);
        return output.lines().toList();
    }

    private void start(String... command) throws IOException {
        daemons.add(builder(List.of(command)).redirectErrorStream(true)
                .redirectOutput(folder.resolve(command[0] + ".log").toFile()).start());
    }

    private ProcessBuilder builder(List<String> command) {
        var full = new ArrayList<>(TestNamespaces.exec(TestNamespaces.B));
        full.addAll(command);
        var builder = new ProcessBuilder(full);
        builder.environment().put("DBUS_SYSTEM_BUS_ADDRESS", busAddress);
        return builder;
    }

    String logs() throws IOException {
        var text = new StringBuilder();
        for (var name : List.of("dbus-daemon.log", "avahi-daemon.log")) {
            var log = folder.resolve(name);
            text.append(name).append(":\n").append(Files.exists(log) ? Files.readString(log) : "").append('\n');
        }
        return text.toString();
    }

    @Override
    public void close() throws IOException, InterruptedException {
        for (var daemon : daemons.reversed()) {
            daemon.destroy();
            if (!daemon.waitFor(5, TimeUnit.SECONDS)) {
                daemon.destroyForcibly();
            }
        }
        try (var files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    private static boolean onPath(String program) {
        var path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin") + File.pathSeparator + "/usr/sbin:/sbin";
        for (var dir : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }
}
