package dev.parley.web;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.client.ClientConfig;
import dev.parley.client.ClientEvent;
import dev.parley.client.ParleyClient;
import dev.parley.server.ParleyServer;
import dev.parley.server.ServerConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/// The browser page (`GET /`) in a real headless Chromium against a real server, with the
/// real Java client in the same room.
@Timeout(value = 120, unit = SECONDS)
class WebPageTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path data;

    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (var closeable : open.reversed()) {
            closeable.close();
        }
    }

    private ParleyServer start(int port) throws Exception {
        var server = ParleyServer.start(ServerConfig.forTests().withPort(port).withDataDir(data));
        open.add(server);
        return server;
    }

    private Browser browser() throws Exception {
        var browser = new Browser();
        open.add(browser);
        return browser;
    }

    private static String page(ParleyServer server) {
        return "http://127.0.0.1:" + server.port() + "/";
    }

    private static void join(Browser browser, String page, String name) {
        browser.open(page);
        browser.type("#name", name);
        browser.click("#join-button");
        browser.awaitText("#status", status -> status.startsWith("connected"), WAIT);
    }

    /// The real Java client and the events it reported.
    private record Peer(ParleyClient client, BlockingQueue<ClientEvent> events) {

        <T extends ClientEvent> T await(Class<T> type, Predicate<T> condition) throws InterruptedException {
            var deadline = System.nanoTime() + WAIT.toNanos();
            while (System.nanoTime() < deadline) {
                var event = events.poll(100, TimeUnit.MILLISECONDS);
                if (type.isInstance(event) && condition.test(type.cast(event))) {
                    return type.cast(event);
                }
            }
            throw new AssertionError("no " + type.getSimpleName() + " as expected arrived");
        }

        ClientEvent.ChatReceived awaitChat(String text) throws InterruptedException {
            return await(ClientEvent.ChatReceived.class, received -> received.chat().text().equals(text));
        }
    }

    private Peer javaClient(ParleyServer server, String name) {
        var events = new LinkedBlockingQueue<ClientEvent>();
        var client = new ParleyClient(ClientConfig.of(server.localUri(), name, "lobby", null), events::add);
        open.add(client);
        client.connect();
        return new Peer(client, events);
    }

    private static int occurrences(String haystack, String needle) {
        int count = 0;
        for (int at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + needle.length())) {
            count++;
        }
        return count;
    }

    @Test
    void twoPagesChatWithEachOtherAndWithAJavaClient() throws Exception {
        var server = start(0);
        var ann = browser();
        var ben = browser();
        join(ann, page(server), "ann");
        join(ben, page(server), "ben");
        var carl = javaClient(server, "carl");

        ann.awaitText("#members", members -> members.contains("ben") && members.contains("carl"), WAIT);
        assertThat(ann.text("#count")).isEqualTo("3");

        ann.type("#input", "hello from ann\n");
        ben.awaitText("#log", log -> log.contains("hello from ann"), WAIT);
        assertThat(carl.awaitChat("hello from ann").chat().from()).isEqualTo("ann");

        ben.type("#input", "你好，ann\n");
        ann.awaitText("#log", log -> log.contains("你好，ann"), WAIT);
        carl.awaitChat("你好，ann");
    }

    @Test
    void markupInAMessageStaysText() throws Exception {
        var server = start(0);
        var ann = browser();
        join(ann, page(server), "ann");
        var hostile = "<script>window.pwned=1</script><img src=x onerror=\"window.pwned=2\"> \u202Eevil\u200B";
        ann.type("#input", hostile + "\n");
        ann.awaitText("#log", log -> log.contains("<script>window.pwned=1</script>"), WAIT);
        assertThat(ann.script("return typeof window.pwned").getAsString()).isEqualTo("undefined");
        assertThat(ann.script("return document.querySelectorAll('#log img, #log script').length").getAsInt()).isZero();
    }

    @Test
    void pageReconnectsAfterAServerRestartAndCatchesUpExactlyOnce() throws Exception {
        var first = start(0);
        int port = first.port();
        var ann = browser();
        join(ann, page(first), "ann");
        var carl = javaClient(first, "carl");
        ann.awaitText("#members", members -> members.contains("carl"), WAIT);
        ann.type("#input", "before restart\n");
        carl.awaitChat("before restart");
        first.stop();
        ann.awaitText("#status", status -> status.startsWith("reconnecting"), WAIT);
        Browser.sleep(2_500); // the page backs off further while nothing listens

        var second = start(port);
        var dave = javaClient(second, "dave");
        dave.await(ClientEvent.Welcomed.class, welcomed -> true);
        dave.client().sendChat("lobby", "while ann was away");

        ann.awaitText("#log", log -> log.contains("while ann was away"), WAIT);
        ann.awaitText("#status", status -> status.startsWith("connected"), WAIT);
        ann.type("#input", "ann is back\n");
        carl.awaitChat("ann is back");
        var log = ann.text("#log");
        assertThat(occurrences(log, "before restart")).isEqualTo(1);
        assertThat(occurrences(log, "while ann was away")).isEqualTo(1);
    }

    /// The server knows a page's resends by the name it asked for: a page renamed `ann-2` (a
    /// half-open old connection, or another `ann`) must ask for `ann` again when it reconnects,
    /// or what it resends then is taken for someone else's and stored twice.
    @Test
    void aRenamedPageAsksForItsOwnNameWhenItReconnects() throws Exception {
        var first = start(0);
        int port = first.port();
        var other = javaClient(first, "ann");
        other.await(ClientEvent.Welcomed.class, welcomed -> true);
        var ann = browser();
        ann.open(page(first));
        ann.type("#name", "ann");
        ann.click("#join-button");
        ann.awaitText("#members", members -> members.contains("ann-2 (you)"), WAIT);
        other.client().close();
        first.stop();
        ann.awaitText("#status", status -> status.startsWith("reconnecting"), WAIT);

        start(port);
        ann.awaitText("#status", status -> status.startsWith("connected"), WAIT);
        ann.awaitText("#members", members -> members.contains("(you)"), WAIT);
        assertThat(ann.text("#members")).contains("ann (you)").doesNotContain("ann-2");
    }

    @Test
    void theServerServesThePageAtItsRootAndNothingElse() throws Exception {
        var server = start(0);
        var http = HttpClient.newHttpClient();
        var root = http.send(HttpRequest.newBuilder(URI.create(page(server))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(root.statusCode()).isEqualTo(200);
        assertThat(root.headers().firstValue("content-type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(root.body()).contains("<title>Parley</title>");
        var script = http.send(HttpRequest.newBuilder(URI.create(page(server) + "parley.js")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(script.statusCode()).isEqualTo(200);
        var missing = http.send(HttpRequest.newBuilder(URI.create(page(server) + "nope.html")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(missing.statusCode()).isEqualTo(404);
    }

    @Test
    void thePageWorksOverHttpsInAnEncryptedRoom() throws Exception {
        var server = ParleyServer.start(ServerConfig.forTests().withDataDir(data).withTls(true));
        open.add(server);
        var browser = new Browser(true);
        open.add(browser);
        join(browser, "https://127.0.0.1:" + server.port() + "/", "ann");
        var events = new LinkedBlockingQueue<ClientEvent>();
        var client = new ParleyClient(ClientConfig.of(server.localUri(), "carl", "lobby", null)
                .withExpectedFingerprint(server.fingerprint()), events::add);
        open.add(client);
        client.connect();
        var carl = new Peer(client, events);
        browser.awaitText("#members", members -> members.contains("carl"), WAIT);
        browser.type("#input", "over wss\n");
        assertThat(carl.awaitChat("over wss").chat().from()).isEqualTo("ann");
        assertThat(browser.script("return location.protocol").getAsString()).isEqualTo("https:");
    }
}
