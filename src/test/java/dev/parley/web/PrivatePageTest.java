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

/// The page's private conversations (design.md v2) in a real Chromium: its key, kept in
/// `localStorage`, makes its name its own; a conversation's history comes back after a reload.
@Timeout(value = 180, unit = SECONDS)
class PrivatePageTest {

    private static final String CARL_KEY = "carl-key-0123456789abcdefghij";

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

    /// A page that joined as ann and got one private message from carl, not yet read.
    private Browser pageWithAMessageFrom(PageRig.Peer carl, String text) throws Exception {
        var ann = rig.join("ann");
        ann.awaitText("#members", members -> members.contains("carl"), WAIT);
        carl.client().sendDm("ann", text);
        ann.awaitText("#people", people -> people.contains("carl (1)"), WAIT);
        return ann;
    }

    private Browser pageWithAMessageFromCarl(String text) throws Exception {
        return pageWithAMessageFrom(rig.client("carl", CARL_KEY), text);
    }

    private static String key(Browser browser) {
        return browser.script("return localStorage.getItem('parley.key')").getAsString();
    }

    @Test
    void aPageAndALibraryClientTalkPrivatelyBothWaysAndTheConversationSurvivesAReload() throws Exception {
        var carl = rig.client("carl", CARL_KEY);
        var ann = rig.join("ann");
        var key = key(ann);
        assertThat(key).matches("[A-Za-z0-9_-]{22,64}");

        ann.awaitText("#members", members -> members.contains("carl"), WAIT);
        ann.click("#members button[data-name='carl']");
        ann.type("#input", "hello carl, just between us\n");
        carl.await(ClientEvent.PrivateTyping.class, typing -> typing.from().equals("ann"));
        assertThat(carl.awaitDm("hello carl, just between us").dm().from()).isEqualTo("ann");
        carl.client().typingTo("ann");
        ann.awaitText("#typing", typing -> typing.equals("carl typing…"), WAIT);
        assertThat(ann.text("#people")).isEqualTo("carl · typing…");
        carl.client().sendDm("ann", "hello ann, same here");
        ann.awaitText("#log", log -> log.contains("hello ann, same here"), WAIT);
        assertThat(ann.text("#typing")).isEmpty();
        assertThat(ann.text("#people")).contains("carl");

        ann.reload();
        assertThat(ann.script("return document.getElementById('name').value").getAsString()).isEqualTo("ann");
        ann.click("#join-button");
        ann.awaitText("#members", members -> members.contains("ann (you)"), WAIT);
        assertThat(key(ann)).isEqualTo(key);
        ann.awaitText("#people", people -> people.contains("carl"), WAIT);
        ann.click("#people button");
        ann.awaitText("#log", log -> log.contains("hello carl, just between us") && log.contains("hello ann, same here"), WAIT);

        ann.type("#input", "back after a reload\n");
        carl.awaitDm("back after a reload");
    }

    @Test
    void privateMessagesSentWhileThePageWasAwayArriveOnceAfterItReconnects() throws Exception {
        var ann = pageWithAMessageFromCarl("before the restart");

        rig.restart(() -> ann.awaitText("#status", status -> status.startsWith("reconnecting"), WAIT));
        var back = rig.client("carl", CARL_KEY);
        back.client().sendDm("ann", "while ann was away");
        back.awaitSent("while ann was away");

        ann.awaitText("#people", people -> people.contains("carl (2)"), WAIT);
        ann.click("#people button");
        var log = ann.awaitText("#log", text -> text.contains("while ann was away"), WAIT);
        assertThat(log.split("before the restart", -1)).hasSize(2);
        assertThat(log.split("while ann was away", -1)).hasSize(2);
    }

    @Test
    void aSecondPageWithTheSameNameButWithoutTheKeyIsRenamedAndSeesNothingPrivate() throws Exception {
        var carl = rig.client("carl", CARL_KEY);
        var ann = pageWithAMessageFrom(carl, "a secret for ann");
        ann.close(); // ann's name is free of connections now, but it stays hers

        var other = rig.join("ann");
        other.awaitText("#members", members -> members.contains("ann-2 (you)"), WAIT);
        other.awaitText("#log", log -> log.contains("\"ann\" belongs to someone else"), WAIT);
        carl.client().sendDm("ann", "another secret for ann");
        carl.awaitSent("another secret for ann");
        other.type("#search", "secret\n");
        other.awaitText("#results-summary", summary -> summary.equals("No messages contain \"secret\"."), WAIT);
        assertThat(other.text("#people")).isEmpty();
        assertThat(other.text("#log")).doesNotContain("secret for ann");
    }
}
