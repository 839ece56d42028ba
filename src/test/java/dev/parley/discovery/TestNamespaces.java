package dev.parley.discovery;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/// Two network namespaces joined by a veth pair, made and removed by the test itself, so that
/// mDNS multicast stays between them and never reaches the machine's real network:
/// `parley-a` (10.213.0.1/24 on `parley-va`) ↔ `parley-b` (10.213.0.2/24 on `parley-vb`).
final class TestNamespaces {

    static final String A = "parley-a";
    static final String B = "parley-b";
    static final String ADDRESS_A = "10.213.0.1";
    static final String ADDRESS_B = "10.213.0.2";
    static final String VETH_A = NamespaceChild.VETH_PREFIX + "a";
    static final String VETH_B = NamespaceChild.VETH_PREFIX + "b";

    private TestNamespaces() {}

    /// Creates both namespaces and returns null, or returns why they cannot be made here (not
    /// root, no `ip`, or the kernel/container refuses): the tests then skip, never falling back
    /// to the real network.
    static String createOrSayWhyNot() {
        try {
            var uid = run(List.of("id", "-u")).strip();
            if (!uid.equals("0")) {
                return "it runs only between network namespaces it creates, which needs root (uid " + uid + ")";
            }
        } catch (IOException | InterruptedException noId) {
            return "cannot tell whether this is root: " + noId.getMessage();
        }
        try {
            run(List.of("ip", "-V"));
        } catch (IOException | InterruptedException noIp) {
            return "it needs the 'ip' command (apt package iproute2): " + noIp.getMessage();
        }
        try {
            create();
            return null;
        } catch (IOException | InterruptedException refused) {
            try {
                delete();
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
            return "cannot create network namespaces here (" + refused.getMessage() + ")";
        }
    }

    /// Deletes stale namespaces of an earlier run, then creates both; the veth ends are created
    /// directly inside the namespaces, so they never appear on the host.
    static void create() throws IOException, InterruptedException {
        delete();
        ip("netns", "add", A);
        ip("netns", "add", B);
        ip("link", "add", VETH_A, "netns", A, "type", "veth", "peer", "name", VETH_B, "netns", B);
        configure(A, VETH_A, ADDRESS_A);
        configure(B, VETH_B, ADDRESS_B);
    }

    private static void configure(String namespace, String veth, String address) throws IOException, InterruptedException {
        ip("-n", namespace, "link", "set", "lo", "up");
        ip("-n", namespace, "addr", "add", address + "/24", "dev", veth);
        ip("-n", namespace, "link", "set", veth, "multicast", "on");
        ip("-n", namespace, "link", "set", veth, "up");
        ip("-n", namespace, "route", "add", "224.0.0.0/4", "dev", veth);
    }

    /// Removes both namespaces (and with them the veth pair); quiet when they are gone already.
    static void delete() throws InterruptedException {
        for (var namespace : List.of(A, B)) {
            try {
                ip("netns", "delete", namespace);
            } catch (IOException absent) {
                // Nothing to clean up.
            }
        }
    }

    /// The command prefix that runs a program inside `namespace`.
    static List<String> exec(String namespace) {
        return List.of("ip", "netns", "exec", namespace);
    }

    private static void ip(String... args) throws IOException, InterruptedException {
        var command = new ArrayList<String>();
        command.add("ip");
        command.addAll(List.of(args));
        run(command);
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        var process = new ProcessBuilder(command).redirectErrorStream(true).start();
        var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(10, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IOException(String.join(" ", command) + " failed: " + output.strip());
        }
        return output;
    }
}
