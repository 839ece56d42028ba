package dev.parley.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.Gson;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/// Announce in one network namespace, browse in another, over a veth pair the test makes:
/// the room appears with its TXT data, follows an update, and disappears when the announcer
/// stops. Only the child JVMs inside the namespaces touch mDNS; this JVM never does, so no
/// multicast reaches the machine's real network. Without root or `ip` the test is skipped.
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class LanDiscoveryTest {

    private static final Gson GSON = new Gson();

    /// Why the namespaces are missing, or null; checked per test so that a skip shows in the report.
    private static String skipReason;

    @BeforeAll
    static void makeNamespaces() {
        skipReason = TestNamespaces.createOrSayWhyNot();
    }

    @BeforeEach
    void needsNamespaces() {
        Assumptions.assumeTrue(skipReason == null, () -> "LAN discovery test skipped: " + skipReason);
    }

    @AfterAll
    static void removeNamespaces() throws InterruptedException {
        long start = System.nanoTime();
        TestNamespaces.delete();
        System.out.println("namespaces deleted in " + millis(start, System.nanoTime()) + " ms");
    }

    private static long millis(long from, long to) {
        return TimeUnit.NANOSECONDS.toMillis(to - from);
    }

    @Test
    void aHostedRoomAppearsWithItsDetailsFollowsUpdatesAndMovesAndDisappearsWhenHostingStops() throws Exception {
        var room = new AnnouncedRoom("Alice's room ☕", 3001, List.of("lobby", "大厅", "dev team"), 2, true, false, "");
        try (var browser = new ChildJvm(TestNamespaces.B); var announcer = new ChildJvm(TestNamespaces.A)) {
            browser.send("browse");
            assertThat(browser.await("browsing", 30)).isEqualTo("[" + TestNamespaces.VETH_B + "]");
            long start = System.nanoTime();
            announcer.send("announce " + GSON.toJson(room));
            assertThat(announcer.await("announced", 30)).isEqualTo("[" + TestNamespaces.VETH_A + "]");
            long announced = System.nanoTime();

            var expected = DiscoveredRoom.of("Alice's room ☕", TestNamespaces.ADDRESS_A, 3001,
                    List.of("lobby", "大厅", "dev team"), 2, true, false, "");
            assertThat(browser.await("found", 20)).isEqualTo(expected.toString());
            long found = System.nanoTime();
            assertThat(expected.uri()).hasToString("ws://10.213.0.1:3001/ws");

            announcer.send("update " + GSON.toJson(room.withMembers(5).withRooms(List.of("lobby"))));
            var updated = DiscoveredRoom.of("Alice's room ☕", TestNamespaces.ADDRESS_A, 3001, List.of("lobby"), 5, true, false, "");
            assertThat(browser.await("updated", 20)).isEqualTo(updated.toString());
            long seenUpdate = System.nanoTime();

            // A new port re-registers the service: the browser ends up with the new address
            // (as an update, or as lost + found, depending on which packet comes first).
            announcer.send("update " + GSON.toJson(new AnnouncedRoom("Alice's room ☕", 3002, List.of("lobby"), 5, true, false, "")));
            var moved = DiscoveredRoom.of("Alice's room ☕", TestNamespaces.ADDRESS_A, 3002, List.of("lobby"), 5, true, false, "");
            browser.awaitLine(line -> line.equals("found " + moved) || line.equals("updated " + moved), "room on port 3002", 20);
            long seenMove = System.nanoTime();

            announcer.send("stop");
            assertThat(announcer.await("closed", 20)).isEmpty();
            long closed = System.nanoTime();
            assertThat(browser.await("lost", 20)).isEqualTo(moved.toString());
            System.out.printf("discovery: announce returned after %d ms (child JVM start, mDNS probing), found %d ms later,"
                            + " update seen in %d ms, port move seen in %d ms, announcer closed in %d ms, withdrawal seen %d ms later%n",
                    millis(start, announced), millis(announced, found), millis(found, seenUpdate), millis(seenUpdate, seenMove),
                    millis(seenMove, closed), millis(closed, System.nanoTime()));

            browser.send("stop");
            browser.await("closed", 20);
            assertThat(browser.said()).noneMatch(line -> line.startsWith("refused"));
            assertThat(browser.said()).as("name lookups by the browser").noneMatch(line -> line.startsWith("dns "));
            assertThat(announcer.said()).as("name lookups by the announcer").noneMatch(line -> line.startsWith("dns "));
        }
    }

    /// The real headless server (`dev.parley.app.Main --headless`) in namespace A: a browser in
    /// namespace B finds its room with the server's name and port, and loses it when the server
    /// is stopped with SIGTERM (the shutdown hook withdraws the announcement first).
    @Test
    void theHeadlessServerAnnouncesItsRoomAndWithdrawsItOnSigterm() throws Exception {
        var data = Files.createTempDirectory("parley-headless-ns");
        var command = new ArrayList<>(TestNamespaces.exec(TestNamespaces.A));
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Xmx128m", "-XX:TieredStopAtLevel=1", "-Dstdout.encoding=UTF-8",
                "dev.parley.app.Main", "--headless", "--port", "3005", "--name", "Zoe's server", "--data", data.toString()));
        var lines = new LinkedBlockingQueue<String>();
        try (var browser = new ChildJvm(TestNamespaces.B)) {
            browser.send("browse");
            assertThat(browser.await("browsing", 30)).isEqualTo("[" + TestNamespaces.VETH_B + "]");
            var server = new ProcessBuilder(command).redirectErrorStream(true).start();
            try {
                Thread.ofVirtual().start(() -> new BufferedReader(new InputStreamReader(server.getInputStream(),
                        StandardCharsets.UTF_8)).lines().forEach(lines::add));
                var said = new ArrayList<String>();
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(40);
                while (said.stream().noneMatch(line -> line.startsWith("Announced on the local network")) && System.nanoTime() < deadline) {
                    var line = lines.poll(1, TimeUnit.SECONDS);
                    if (line != null) {
                        said.add(line);
                    }
                }
                assertThat(said).as("the headless server's output").anyMatch(line ->
                        line.equals("Announced on the local network (" + TestNamespaces.VETH_A + "): others see it in their Join list."));

                var expected = DiscoveredRoom.of("Zoe's server", TestNamespaces.ADDRESS_A, 3005, List.of("lobby"), 0, false, false, "");
                assertThat(browser.await("found", 20)).isEqualTo(expected.toString());

                server.destroy();
                assertThat(server.waitFor(20, TimeUnit.SECONDS)).isTrue();
                assertThat(browser.await("lost", 20)).isEqualTo(expected.toString());
            } finally {
                server.destroyForcibly();
            }
            browser.send("stop");
            browser.await("closed", 20);
        }
    }
}
