package dev.parley.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.Gson;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/// A standard DNS-SD browser (Avahi's `avahi-browse`) sees Parley's announcement with its TXT
/// record, and sees it go. Announcer in namespace `parley-a`, Avahi in `parley-b`, as in
/// [LanDiscoveryTest]; skipped with a message where namespaces or Avahi are not available.
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class AvahiInteropTest {

    private static AvahiInNamespace avahi;
    /// Why Avahi or the namespaces are missing, or null; checked per test so that a skip shows in the report.
    private static String skipReason;

    @BeforeAll
    static void start() throws Exception {
        skipReason = AvahiInNamespace.unavailableBecause();
        if (skipReason == null) {
            skipReason = TestNamespaces.createOrSayWhyNot();
        }
        if (skipReason == null) {
            avahi = new AvahiInNamespace();
        }
    }

    @BeforeEach
    void needsAvahi() {
        Assumptions.assumeTrue(skipReason == null, () -> "Avahi interop test skipped: " + skipReason);
    }

    @AfterAll
    static void stop() throws Exception {
        if (avahi != null) {
            avahi.close();
        }
        TestNamespaces.delete();
    }

    @Test
    void avahiBrowseSeesTheRoomWithItsTxtRecordAndItsWithdrawal() throws Exception {
        var room = new AnnouncedRoom("Alice room", 3001, List.of("lobby", "dev"), 2, true, false, "");
        try (var announcer = new ChildJvm(TestNamespaces.A)) {
            announcer.send("announce " + new Gson().toJson(room));
            announcer.await("announced", 30);

            var resolved = awaitBrowse(lines -> lines.stream().anyMatch(line -> line.startsWith("=;")));
            var line = resolved.stream().filter(l -> l.startsWith("=;")).findFirst().orElseThrow();
            assertThat(line).contains(";Alice\\032room;_parley._tcp;local;", ";" + TestNamespaces.ADDRESS_A + ";3001;",
                    "\"v=1\"", "\"name=Alice room\"", "\"rooms=lobby,dev\"", "\"members=2\"", "\"password=yes\"", "\"tls=no\"", "\"path=/ws\"");

            announcer.send("stop");
            announcer.await("closed", 20);
            // Gone, from a daemon that still answers ("Failed to create client…" would also lack the room).
            awaitBrowse(lines -> lines.stream().noneMatch(l -> l.contains("_parley._tcp") || l.contains("Failed")));
        }
    }

    private static List<String> awaitBrowse(Predicate<List<String>> condition) throws Exception {
        List<String> lines = List.of();
        for (int attempt = 0; attempt < 6; attempt++) {
            lines = avahi.browse();
            if (condition.test(lines)) {
                return lines;
            }
        }
        throw new AssertionError("avahi-browse never showed the expected state; last output " + lines + "\n" + avahi.logs());
    }
}
