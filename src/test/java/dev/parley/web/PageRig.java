package dev.parley.web;

import dev.parley.client.ClientConfig;
import dev.parley.client.ClientEvent;
import dev.parley.client.ParleyClient;
import dev.parley.server.ParleyServer;
import dev.parley.server.ServerConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/// What the page-as-a-client tests share: a real server on port 0 in a temp folder, real
/// Chromium pages and real library clients, all closed at the end.
final class PageRig implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(30);

    private final List<AutoCloseable> open = new ArrayList<>();
    private final Path data;
    private ParleyServer server;

    PageRig(Path data) throws Exception {
        this.data = data;
        server = start(0);
    }

    private ParleyServer start(int port) throws Exception {
        var started = ParleyServer.start(ServerConfig.forTests().withPort(port).withDataDir(data));
        open.add(started);
        return started;
    }

    /// Stops the server; `afterStop` runs while nothing listens; then a new one starts on the same
    /// port with the same data folder (history, name claims).
    void restart(ThrowingRunnable afterStop) throws Exception {
        int port = server.port();
        server.stop();
        afterStop.run();
        server = start(port);
    }

    interface ThrowingRunnable {
        void run() throws Exception;
    }

    int port() {
        return server.port();
    }

    String page() {
        return "http://127.0.0.1:" + port() + "/";
    }

    /// A browser with its own empty profile (its own `localStorage`, so its own key).
    Browser browser(String language) throws Exception {
        var browser = new Browser(false, language);
        open.add(browser);
        return browser;
    }

    /// A new English browser that opened the page and joined the lobby as `name`.
    Browser join(String name) throws Exception {
        var browser = browser("en-US");
        browser.open(page());
        join(browser, name);
        return browser;
    }

    /// Types the name into the page's join form and waits until it is connected.
    static void join(Browser browser, String name) {
        browser.clear("#name");
        browser.type("#name", name);
        browser.click("#join-button");
        browser.awaitText("#status", status -> status.startsWith("connected"), WAIT);
    }

    /// A library client in the lobby; `key` null connects without one.
    Peer client(String name, String key) {
        var events = new LinkedBlockingQueue<ClientEvent>();
        var config = ClientConfig.of(server.localUri(), name, "lobby", null);
        var client = new ParleyClient(key == null ? config : config.withKey(key), events::add);
        open.add(client);
        client.connect();
        var peer = new Peer(client, events);
        peer.await(ClientEvent.Welcomed.class, welcomed -> true);
        return peer;
    }

    @Override
    public void close() throws Exception {
        for (var closeable : open.reversed()) {
            closeable.close();
        }
    }

    /// A library client and the events it reported.
    record Peer(ParleyClient client, BlockingQueue<ClientEvent> events) {

        <T extends ClientEvent> T await(Class<T> type, Predicate<T> condition) {
            var deadline = System.nanoTime() + WAIT.toNanos();
            try {
                while (System.nanoTime() < deadline) {
                    var event = events.poll(100, TimeUnit.MILLISECONDS);
                    if (type.isInstance(event) && condition.test(type.cast(event))) {
                        return type.cast(event);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new AssertionError("no " + type.getSimpleName() + " as expected arrived");
        }

        /// The private message with `text` that someone else sent to this client.
        ClientEvent.DmReceived awaitDm(String text) {
            return await(ClientEvent.DmReceived.class, received -> !received.own() && received.dm().text().equals(text));
        }

        /// The copy of this client's own private message with `text`: the server stored it.
        ClientEvent.DmReceived awaitSent(String text) {
            return await(ClientEvent.DmReceived.class, received -> received.own() && received.dm().text().equals(text));
        }
    }
}
