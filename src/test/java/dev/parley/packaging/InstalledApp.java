package dev.parley.packaging;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/// The .deb that this Maven run built, unpacked with `dpkg-deb -x` into a folder, and the
/// processes started from its launcher. Every process started here is stopped by [#close].
final class InstalledApp implements AutoCloseable {

    private final Path deb;
    private final Path root;
    private final List<Process> processes = new ArrayList<>();

    private InstalledApp(Path deb, Path root) {
        this.deb = deb;
        this.root = root;
    }

    /// Finds the one .deb in `parley.installer.dir` and extracts it into `into`.
    static InstalledApp extract(Path into) throws IOException, InterruptedException {
        var dir = Path.of(System.getProperty("parley.installer.dir", "target/installer"));
        List<Path> debs;
        try (var files = Files.list(dir)) {
            debs = files.filter(f -> f.toString().endsWith(".deb")).toList();
        }
        if (debs.size() != 1) {
            throw new IllegalStateException("expected one .deb in " + dir + ", found " + debs);
        }
        run("dpkg-deb", "-x", debs.getFirst().toString(), into.toString());
        return new InstalledApp(debs.getFirst(), into);
    }

    Path deb() {
        return deb;
    }

    /// A file of the installed tree, given by its installed path (`/opt/parley/...`).
    Path installed(String absolutePath) {
        return root.resolve(absolutePath.substring(1));
    }

    Path launcher() {
        return installed("/opt/parley/bin/Parley");
    }

    /// Starts the installed launcher with `args`, with `home` as the user's home (so that the
    /// app's data and settings land in a test folder) and extra environment variables.
    Process start(Path home, Map<String, String> environment, Path log, String... args) throws IOException {
        var command = new ArrayList<String>();
        command.add(launcher().toString());
        command.addAll(List.of(args));
        var builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("HOME", home.toString());
        builder.environment().remove("XDG_DATA_HOME");
        builder.environment().remove("XDG_CONFIG_HOME");
        builder.environment().putAll(environment);
        // The installed app browses for rooms as soon as its window opens, and a headless server
        // announces: neither may reach the machine's real network from a test.
        builder.environment().put("JAVA_TOOL_OPTIONS",
                ("-Dparley.discovery=off " + environment.getOrDefault("JAVA_TOOL_OPTIONS", "")).strip());
        var process = builder.start();
        processes.add(process);
        return process;
    }

    /// `dpkg-deb -f DEB FIELD`: one field of the package's control file.
    String controlField(String field) throws IOException, InterruptedException {
        return run("dpkg-deb", "-f", deb.toString(), field).strip();
    }

    /// The maintainer scripts (postinst, prerm, …), extracted by `dpkg-deb -e`.
    Path controlScripts(Path into) throws IOException, InterruptedException {
        run("dpkg-deb", "-e", deb.toString(), into.toString());
        return into;
    }

    static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /// Runs a command to its end (60 s at most) and returns its output; fails on a non-zero exit.
    static String run(String... command) throws IOException, InterruptedException {
        var process = new ProcessBuilder(command).redirectErrorStream(true).start();
        var output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed:\n" + output);
        }
        return output;
    }

    /// Asks politely (SIGTERM), as a desktop session or `systemctl stop` would.
    static boolean stop(Process process, Duration patience) throws InterruptedException {
        process.destroy();
        return process.waitFor(patience.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        for (var process : processes) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }
}
