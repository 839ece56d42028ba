package dev.parley.discovery;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/// A [NamespaceChild] JVM running inside one test namespace; its stdout lines are collected in
/// a queue, its stderr goes to a log file shown when a wait fails.
final class ChildJvm implements AutoCloseable {

    private final Process process;
    private final PrintStream commands;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<String> seen = new ArrayList<>();
    private final Path log;
    /// Holds only the service file that installs [NoLookupResolverProvider] in the child.
    private final Path services;

    ChildJvm(String namespace) throws IOException {
        log = Files.createTempFile("parley-" + namespace + "-", ".log");
        services = Files.createTempDirectory("parley-resolver-");
        var serviceFile = services.resolve("META-INF/services/java.net.spi.InetAddressResolverProvider");
        Files.createDirectories(serviceFile.getParent());
        Files.writeString(serviceFile, NoLookupResolverProvider.class.getName() + "\n");
        var classPath = services + File.pathSeparator + System.getProperty("java.class.path");
        var command = new ArrayList<>(TestNamespaces.exec(namespace));
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", classPath, "-Xmx96m", "-XX:TieredStopAtLevel=1",
                "-Dstdout.encoding=UTF-8", NamespaceChild.class.getName()));
        process = new ProcessBuilder(command).redirectError(log.toFile()).start();
        commands = new PrintStream(process.getOutputStream(), true, StandardCharsets.UTF_8);
        Thread.ofVirtual().name("child-" + namespace).start(() -> {
            try (var reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                reader.lines().forEach(lines::add);
            } catch (IOException | java.io.UncheckedIOException closed) {
                // The child ended (reader.lines() wraps the closed stream's IOException); left
                // uncaught, TestFX would hand it to the next window test as its own failure.
            }
        });
    }

    void send(String command) {
        commands.println(command);
    }

    /// The rest of the first line starting with `prefix`, waiting up to `seconds`.
    String await(String prefix, int seconds) throws InterruptedException, IOException {
        return awaitLine(line -> line.startsWith(prefix), "'" + prefix + "'", seconds).substring(prefix.length()).strip();
    }

    /// The first line that `matches`, waiting up to `seconds`; fails with everything the child
    /// said (stdout and stderr) when none comes. Lines passed over are kept in [#said].
    String awaitLine(Predicate<String> matches, String what, int seconds) throws InterruptedException, IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        for (long left; (left = deadline - System.nanoTime()) > 0; ) {
            var line = lines.poll(left, TimeUnit.NANOSECONDS);
            if (line == null) {
                break;
            }
            seen.add(line);
            if (matches.test(line)) {
                return line;
            }
        }
        throw new AssertionError("no " + what + " within " + seconds + " s; stdout: " + seen
                + "\nstderr:\n" + Files.readString(log));
    }

    /// Everything said on stdout so far, waited for or not.
    List<String> said() {
        lines.drainTo(seen);
        return List.copyOf(seen);
    }

    boolean waitForExit(int seconds) throws InterruptedException {
        return process.waitFor(seconds, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws IOException {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException interrupted) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        Files.deleteIfExists(log);
        try (var files = Files.walk(services)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
