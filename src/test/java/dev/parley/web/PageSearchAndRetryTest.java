package dev.parley.web;

import static dev.parley.web.PageRig.WAIT;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.client.ClientEvent;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/// The page searches what it may read (the v2 `search`), and offers Retry for a message the
/// server refused or never answered.
@Timeout(value = 180, unit = SECONDS)
class PageSearchAndRetryTest {

    @TempDir
    Path data;

    private PageRig rig;

    @BeforeEach
    void start() throws Exception {
        rig = new PageRig(data);
    }

    @AfterEach
    void stop() throws Exception {
        rig.close();
    }

    @Test
    void searchFindsRoomAndPrivateMessagesAndOpensTheirConversation() throws Exception {
        var ann = rig.join("ann");
        var carl = rig.client("carl", "carl-key-0123456789abcdefghij");
        ann.awaitText("#members", members -> members.contains("carl"), WAIT);
        carl.client().sendChat("lobby", "the blue kettle is in the kitchen");
        carl.client().sendDm("ann", "the red kettle is mine");
        carl.client().sendChat("lobby", "nothing to see here");
        ann.awaitText("#log", log -> log.contains("nothing to see here"), WAIT);
        ann.awaitText("#people", people -> people.contains("carl"), WAIT);

        ann.type("#search", "kettle\n");
        ann.awaitText("#results-summary", summary -> summary.equals("2 messages"), WAIT);
        var results = ann.text("#results-list");
        assertThat(results).contains("the blue kettle is in the kitchen", "the red kettle is mine", "@carl")
                .doesNotContain("nothing to see here");

        ann.click("#results-list li:first-child button"); // newest first: the private one
        ann.awaitText("#log", log -> log.contains("the red kettle is mine") && !log.contains("blue kettle"), WAIT);

        ann.clear("#search");
        ann.type("#search", "teapot\n");
        ann.awaitText("#results-summary", summary -> summary.equals("No messages contain \"teapot\"."), WAIT);
    }

    @Test
    void retrySendsAgainAMessageTheServerRefused() throws Exception {
        var ann = rig.join("ann");
        var dora = rig.client("dora", null);
        ann.awaitText("#members", members -> members.contains("dora"), WAIT);
        ann.click("#members button[data-name='dora']");
        dora.client().close();
        ann.awaitText("#members", members -> !members.contains("dora"), WAIT);

        ann.type("#input", "are you still there?\n");
        ann.awaitText("#log .error-line", line -> line.contains("not sent") && line.contains("Retry"), WAIT);
        assertThat(ann.text("#input-error")).startsWith("The server refused it (unknown_user)");

        var back = rig.client("dora", null);
        ann.awaitText("#members", members -> members.contains("dora"), WAIT);
        ann.click("#log .retry");
        assertThat(back.awaitDm("are you still there?").dm().from()).isEqualTo("ann");
        awaitEverythingSent(ann);
        var log = ann.text("#log");
        assertThat(log.indexOf("are you still there?")).isEqualTo(log.lastIndexOf("are you still there?"));
    }

    @Test
    void retrySendsAgainAMessageThatGotNoAnswer() throws Exception {
        var ann = rig.join("ann");
        var carl = rig.client("carl", null);
        ann.awaitText("#members", members -> members.contains("carl"), WAIT);
        // The frame is lost on its way out, as on a network that drops it without closing.
        ann.script("""
                window.realSend = WebSocket.prototype.send;
                WebSocket.prototype.send = function (data) {
                  if (!String(data).includes('lost on the way')) window.realSend.call(this, data);
                };
                """);
        ann.type("#input", "lost on the way\n");
        ann.awaitText("#log .error-line", line -> line.contains("not sent") && line.contains("no answer from the server"), WAIT);

        ann.script("WebSocket.prototype.send = window.realSend");
        ann.click("#log .retry");
        assertThat(carl.await(ClientEvent.ChatReceived.class,
                received -> received.chat().text().equals("lost on the way")).chat().from()).isEqualTo("ann");
        awaitEverythingSent(ann);
    }

    private static void awaitEverythingSent(Browser page) {
        Browser.waitUntil(WAIT, () -> page.script("return document.querySelectorAll('#log .error-line, #log .pending').length === 0")
                .getAsBoolean());
    }
}
