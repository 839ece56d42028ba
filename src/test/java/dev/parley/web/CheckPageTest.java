package dev.parley.web;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.server.ParleyServer;
import dev.parley.server.ServerConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/// `GET /check` in a real headless Chromium: against a running server, a stopped one (the page
/// then comes from another server, as it would from a saved copy), and an encrypted one.
@Timeout(value = 120, unit = SECONDS)
class CheckPageTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (var closeable : open.reversed()) {
            closeable.close();
        }
    }

    private ParleyServer start(ServerConfig config) throws Exception {
        var server = ParleyServer.start(config);
        open.add(server);
        return server;
    }

    private Browser browser(boolean acceptSelfSigned) throws Exception {
        var browser = new Browser(acceptSelfSigned);
        open.add(browser);
        return browser;
    }

    private static String state(Browser browser, String step) {
        return browser.script("return document.getElementById('" + step + "').dataset.state;").getAsString();
    }

    @Test
    void aRunningServerPassesEveryStep() throws Exception {
        var server = start(ServerConfig.forTests());
        var browser = browser(false);

        browser.open("http://127.0.0.1:" + server.port() + "/check");

        assertThat(browser.awaitText("#summary", text -> !text.startsWith("Checking"), WAIT)).isEqualTo("All good: this device can join.");
        assertThat(state(browser, "step-http")).isEqualTo("ok");
        assertThat(state(browser, "step-ws")).isEqualTo("ok");
        assertThat(state(browser, "step-tls")).isEqualTo("info");
        assertThat(browser.text("#step-tls")).contains("Not encrypted");
        assertThat(browser.script("return document.getElementById('join-link').hidden;").getAsBoolean()).isFalse();
        assertThat(server.stats().connections()).as("the probe never became a member").isZero();
    }

    @Test
    void aStoppedServerIsReportedUnreachableWithWhatToDo() throws Exception {
        var stopped = start(ServerConfig.forTests());
        int port = stopped.port();
        stopped.stop();
        var elsewhere = start(ServerConfig.forTests());
        var browser = browser(false);

        browser.open("http://127.0.0.1:" + elsewhere.port() + "/check?server=127.0.0.1:" + port);

        assertThat(browser.awaitText("#summary", text -> !text.startsWith("Checking"), WAIT))
                .isEqualTo("The server cannot be reached from this device.");
        assertThat(state(browser, "step-http")).isEqualTo("fail");
        assertThat(browser.text("#step-http")).contains("127.0.0.1:" + port, "same network", "firewall", "port " + port);
        assertThat(state(browser, "step-ws")).isEqualTo("waiting");
    }

    @Test
    void anEncryptedServerPassesEveryStepIncludingTls() throws Exception {
        var server = start(ServerConfig.forTests().withTls(true));
        var browser = browser(true);

        browser.open("https://127.0.0.1:" + server.port() + "/check");

        assertThat(browser.awaitText("#summary", text -> !text.startsWith("Checking"), WAIT)).isEqualTo("All good: this device can join.");
        assertThat(state(browser, "step-http")).isEqualTo("ok");
        assertThat(state(browser, "step-ws")).isEqualTo("ok");
        assertThat(state(browser, "step-tls")).isEqualTo("ok");
        assertThat(browser.text("#step-tls")).contains("Encrypted", "fingerprint");
    }

    @Test
    void thePageFromAnInviteHasTheRoomAndTheCursorInTheNameAndJoinsInOneTap() throws Exception {
        var server = start(ServerConfig.forTests());
        var browser = browser(false);

        browser.open("http://127.0.0.1:" + server.port() + "/?room=team%20talk");

        assertThat(browser.script("return document.getElementById('room').value;").getAsString()).isEqualTo("team talk");
        assertThat(browser.script("return document.activeElement.id;").getAsString()).isEqualTo("name");
        browser.type("#name", "phone");
        browser.click("#join-button");
        browser.awaitText("#status", status -> status.startsWith("connected"), WAIT);
        assertThat(server.roomNames()).contains("team talk");
    }

    @Test
    void aPageThatLostItsServerLinksToTheCheck() throws Exception {
        var server = start(ServerConfig.forTests());
        var browser = browser(false);
        browser.open("http://127.0.0.1:" + server.port() + "/");
        browser.type("#name", "ann");
        browser.click("#join-button");
        browser.awaitText("#status", status -> status.startsWith("connected"), WAIT);
        assertThat(browser.script("return document.getElementById('check-link').hidden;").getAsBoolean()).isTrue();

        server.stop();

        browser.awaitText("#status", status -> status.startsWith("reconnecting"), WAIT);
        assertThat(browser.script("return document.getElementById('check-link').hidden;").getAsBoolean()).isFalse();
        assertThat(browser.script("return document.getElementById('check-link').getAttribute('href');").getAsString()).isEqualTo("check");
    }
}
