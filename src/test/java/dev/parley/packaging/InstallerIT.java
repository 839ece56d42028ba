package dev.parley.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/// The Linux installer as a person gets it: the .deb built earlier in this `mvn verify`
/// (pre-integration-test), unpacked, and its launcher started the two ways people use it.
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class InstallerIT {

    @TempDir
    static Path temp;

    static InstalledApp app;

    @BeforeAll
    static void unpackTheDeb() throws Exception {
        app = InstalledApp.extract(Files.createDirectories(temp.resolve("root")));
    }

    @AfterAll
    static void stopEverything() {
        app.close();
    }

    @Test
    void debDeclaresGtkAndAChineseFontAndAMenuEntry() throws Exception {
        assertThat(app.controlField("Package")).isEqualTo("parley");
        assertThat(app.controlField("Depends"))
                .contains("libgtk-3-0")
                .contains("fonts-wqy-microhei | fonts-noto-cjk");
        var desktop = Files.readString(app.installed("/opt/parley/lib/parley-Parley.desktop"));
        assertThat(desktop).contains("Name=Parley\n", "Categories=Network;Chat;\n", "Exec=/opt/parley/bin/Parley");
        assertThat(desktop).as("parley:// invite links open the app").contains("MimeType=x-scheme-handler/parley;\n", " %u\n");
        assertThat(app.installed("/opt/parley/share/doc/copyright")).content().contains("License: MIT");
    }

    @Test
    void installPutsParleyOnThePathAndRemovalLeavesTheUsersDataAlone() throws Exception {
        var scripts = app.controlScripts(temp.resolve("DEBIAN"));
        assertThat(scripts.resolve("postinst")).content().contains("ln -sf /opt/parley/bin/Parley /usr/bin/parley");
        assertThat(scripts.resolve("prerm")).content().contains("rm -f /usr/bin/parley");
        for (var script : new String[] {"preinst", "postinst", "prerm", "postrm"}) {
            var commands = Files.readAllLines(scripts.resolve(script)).stream()
                    .filter(line -> !line.strip().startsWith("#"))
                    .toList();
            assertThat(commands).as(script).isNotEmpty()
                    .noneMatch(line -> line.contains(".local/share") || line.contains("HOME") || line.contains("/home/"));
        }
    }

    @Test
    void installedLauncherGivesFreedMemoryBack() throws Exception {
        // pom.xml: parley.heap.flags (G1 shrinks an idle heap) and the Linux profile's
        // parley.native.flags (malloc_trim every 5 s), in jpackage's configuration and in the
        // launcher made from it (packaging/linux/launcher.sh).
        assertThat(app.installed("/opt/parley/lib/app/Parley.cfg")).content()
                .contains("java-options=-XX:G1PeriodicGCInterval=10000")
                .contains("java-options=-XX:MaxHeapFreeRatio=30")
                .contains("java-options=-XX:TrimNativeHeapInterval=5000");
        assertThat(app.launcher()).content()
                .contains("\"-XX:G1PeriodicGCInterval=10000\"", "\"-XX:MaxHeapFreeRatio=30\"",
                        "\"-XX:TrimNativeHeapInterval=5000\"");
    }

    @Test
    void launcherDoesNotAskThePackageManagerWhoInstalledIt() throws Exception {
        // jpackage's own launcher runs `rpm -qf` and `dpkg -S` on itself at every start (a scan of
        // every installed package's file list); the installed one must not run either.
        var fakes = Files.createDirectories(temp.resolve("fake-package-tools"));
        var asked = fakes.resolve("asked");
        for (var tool : new String[] {"rpm", "dpkg", "dpkg-query"}) {
            var fake = fakes.resolve(tool);
            Files.writeString(fake, "#!/bin/sh\necho \"" + tool + " $*\" >> '" + asked + "'\nexit 1\n");
            assertThat(fake.toFile().setExecutable(true)).isTrue();
        }
        var log = temp.resolve("no-package-manager.log");
        var help = app.start(Files.createDirectories(temp.resolve("home-pm")),
                Map.of("PATH", fakes + ":" + System.getenv("PATH")), log, "--headless", "--help");
        assertThat(help.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(help.exitValue()).as("output:%n%s", Files.readString(log)).isZero();
        assertThat(log).content().contains("--port");
        assertThat(asked).as("package manager queries made by the launcher").doesNotExist();
    }

    @Test
    void installedLauncherUsesTheAotCacheMadeAtBuildTime() throws Exception {
        assertThat(app.installed("/opt/parley/lib/app/Parley.cfg")).content()
                .contains("java-options=-XX:AOTCache=$APPDIR/parley.aot");
        assertThat(app.launcher()).content().contains("\"-XX:AOTCache=$app/parley.aot\"");
        // AOTMode=on makes the JVM refuse to start when the cache does not fit this install.
        var log = temp.resolve("aot.log");
        var help = app.start(Files.createDirectories(temp.resolve("home-aot")),
                Map.of("JAVA_TOOL_OPTIONS", "-XX:AOTMode=on"), log, "--headless", "--help");
        assertThat(help.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(help.exitValue()).as("output:%n%s", Files.readString(log)).isZero();
        assertThat(log).content().contains("--port");
    }

    @Test
    void headlessServerFromTheInstallRelaysAChatMessage() throws Exception {
        var home = Files.createDirectories(temp.resolve("home-headless"));
        var port = InstalledApp.freePort();
        var log = temp.resolve("headless.log");
        var server = app.start(home, Map.of(), log,
                "--headless", "--bind", "127.0.0.1", "--port", Integer.toString(port), "--data", home.resolve("data").toString());

        var frames = new LinkedBlockingQueue<String>();
        var socket = connectWhenUp(URI.create("ws://127.0.0.1:" + port + "/ws?clientId=installer&room=lobby"),
                frames, server, log);
        assertThat(nextOfType(frames, "welcome")).contains("\"clientId\":\"installer\"");

        socket.sendText("{\"type\":\"chat\",\"payload\":{\"text\":\"from the installed app\",\"cid\":\"c1\"}}", true)
                .get(10, TimeUnit.SECONDS);
        assertThat(nextOfType(frames, "chat")).contains("from the installed app", "\"cid\":\"c1\"");

        socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
        assertThat(InstalledApp.stop(server, Duration.ofSeconds(20)))
                .as("the server stops on SIGTERM; its output:%n%s", Files.readString(log)).isTrue();
    }

    @Test
    void windowOpensWithNoFlags() throws Exception {
        var home = Files.createDirectories(temp.resolve("home-window"));
        var log = temp.resolve("window.log");
        try (var display = VirtualDisplay.start()) {
            var started = System.nanoTime();
            var window = app.start(home, Map.of("DISPLAY", display.display(),
                    "JAVA_TOOL_OPTIONS", "-Dparley.startup.trace=true"), log);
            var shownAfter = display.waitForWindow("Parley", started, Duration.ofSeconds(90));
            assertThat(shownAfter).as("a window titled Parley; the app's output:%n%s", Files.readString(log)).isNotNull();
            System.out.println("installed app: window shown after " + shownAfter.toMillis() + " ms");
            assertThat(window.isAlive()).isTrue();
            // The window goes on screen as an outline, then is built in it.
            var milestones = startupMilestones(log, Duration.ofSeconds(60));
            assertThat(milestones.keySet()).as("start-up milestones; the app's output:%n%s", Files.readString(log))
                    .containsExactly("launch", "start", "shown", "built");
            assertThat(List.copyOf(milestones.values())).isSorted();
            System.out.println("installed app: milestones " + milestones);
            // The launcher execs the runtime's java launcher, installed under the app's name.
            var proc = Path.of("/proc", Long.toString(window.pid()));
            assertThat(Files.readString(proc.resolve("comm")).strip()).isEqualTo("parley");
            assertThat(Files.readString(proc.resolve("cmdline")).split("\0"))
                    .contains("-XX:MaxHeapFreeRatio=30", "dev.parley.app.Main")
                    .anyMatch(arg -> arg.startsWith("-XX:AOTCache=") && arg.endsWith("/opt/parley/lib/app/parley.aot"));
            if (!Files.exists(Path.of("/dev/dri"))) {
                // No GPU here: the window draws with JavaFX's software renderer, not through Mesa's
                // llvmpipe, so neither JavaFX nor GTK's OpenGL probe maps the driver and LLVM.
                var maps = Files.readString(proc.resolve("maps"));
                assertThat(maps).as("libraries mapped by the window without a GPU")
                        .doesNotContain("libLLVM").doesNotContain("_dri.so").contains("libglassgtk3");
                // The launcher script told GTK so (GDK_GL=disable), and the JVM did not have to:
                // its libc call through FFM would have mapped libsyslookup.
                var environment = Files.readString(proc.resolve("environ"));
                assertThat(environment.split("\0")).contains("GDK_GL=disable");
                assertThat(maps).doesNotContain("libsyslookup");
                // The software renderer keeps no 8 MiB image cache of control backgrounds.
                // The installed runtime has no jcmd: the test JDK's asks.
                var properties = InstalledApp.run(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                        Long.toString(window.pid()), "VM.system_properties");
                assertThat(properties).contains("prism.order=sw", "prism.disableRegionCaching=true");
            }
            assertThat(InstalledApp.stop(window, Duration.ofSeconds(20))).isTrue();
        }
    }

    /// The `parley-startup NAME MILLIS` lines of [dev.parley.ui.startup.StartupTrace], once "built" is in.
    private static LinkedHashMap<String, Long> startupMilestones(Path log, Duration patience)
            throws IOException, InterruptedException {
        var deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            var milestones = new LinkedHashMap<String, Long>();
            for (var line : Files.readAllLines(log)) {
                var words = line.split(" ");
                if (words.length == 3 && words[0].equals("parley-startup")) {
                    milestones.put(words[1], Long.parseLong(words[2]));
                }
            }
            if (milestones.containsKey("built") || System.nanoTime() > deadline) {
                return milestones;
            }
            Thread.sleep(50);
        }
    }

    private static WebSocket connectWhenUp(URI uri, BlockingQueue<String> frames, Process server, Path log)
            throws Exception {
        var client = HttpClient.newHttpClient();
        var deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            try {
                return client.newWebSocketBuilder().buildAsync(uri, new Collector(frames)).get(10, TimeUnit.SECONDS);
            } catch (ExecutionException notYet) {
                if (!server.isAlive() || System.nanoTime() > deadline) {
                    throw new AssertionError("no server at " + uri + "; its output:\n" + Files.readString(log), notYet);
                }
                Thread.sleep(100);
            }
        }
    }

    private static String nextOfType(BlockingQueue<String> frames, String type) throws InterruptedException {
        var deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        String frame;
        while ((frame = frames.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS)) != null) {
            if (frame.contains("\"type\":\"" + type + "\"")) {
                return frame;
            }
        }
        throw new AssertionError("no " + type + " frame within 20 s");
    }

    /// Joins a text message's fragments and queues each whole frame.
    private record Collector(BlockingQueue<String> frames, StringBuilder partial) implements WebSocket.Listener {
        Collector(BlockingQueue<String> frames) {
            this(frames, new StringBuilder());
        }

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                frames.add(partial.toString());
                partial.setLength(0);
            }
            socket.request(1);
            return null;
        }
    }
}
