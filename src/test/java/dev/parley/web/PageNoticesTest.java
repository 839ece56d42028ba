package dev.parley.web;

import static dev.parley.web.PageRig.WAIT;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/// What makes the page noticed: the browser's notification (permission granted through
/// DevTools, as a person's "Allow" would), the unread count in the tab's title, mentions
/// marked, and links that open apart from the page while every other piece of text stays text.
@Timeout(value = 180, unit = SECONDS)
class PageNoticesTest {

    /// Runs before the page's scripts: keeps a record of each notification the page shows.
    private static final String RECORD_NOTIFICATIONS = """
            window.shownNotifications = [];
            const Shown = window.Notification;
            window.Notification = class extends Shown {
              constructor(title, options) {
                window.shownNotifications.push({ title, body: options && options.body });
                super(title, options);
              }
            };
            """;

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
    void aPrivateMessageShowsANotificationAndCountsInTheTitle() throws Exception {
        var ann = rig.browser("en-US");
        var permissions = new JsonArray();
        permissions.add("notifications");
        var grant = new JsonObject();
        grant.addProperty("origin", URI.create(rig.page()).resolve("/").toString().replaceAll("/$", ""));
        grant.add("permissions", permissions);
        ann.devTools("Browser.grantPermissions", grant);
        ann.beforeEachPage(RECORD_NOTIFICATIONS);
        ann.open(rig.page());
        PageRig.join(ann, "ann");
        assertThat(ann.script("return Notification.permission").getAsString()).isEqualTo("granted");
        assertThat(ann.script("return document.getElementById('notify').hidden").getAsBoolean()).isTrue();
        assertThat(ann.script("return document.title").getAsString()).isEqualTo("Parley");

        var carl = rig.client("carl", null);
        ann.awaitText("#members", members -> members.contains("carl"), WAIT);
        carl.client().sendDm("ann", "are you free at noon?");

        Browser.waitUntil(WAIT, () -> ann.script("return window.shownNotifications.length").getAsInt() == 1);
        var shown = ann.script("return window.shownNotifications[0]").getAsJsonObject();
        assertThat(shown.get("title").getAsString()).isEqualTo("carl");
        assertThat(shown.get("body").getAsString()).isEqualTo("are you free at noon?");
        assertThat(ann.script("return document.title").getAsString()).isEqualTo("(1) Parley");
        assertThat(ann.text("#people")).isEqualTo("carl (1)");

        ann.click("#people button");
        ann.awaitText("#log", log -> log.contains("are you free at noon?"), WAIT);
        assertThat(ann.script("return document.title").getAsString()).isEqualTo("Parley");
    }

    @Test
    void linksOpenApartFromThePageMentionsAreMarkedAndMarkupStaysText() throws Exception {
        var ann = rig.join("ann");
        var carl = rig.client("carl", null);
        ann.awaitText("#members", members -> members.contains("carl"), WAIT);
        carl.client().sendChat("lobby", "ann, see https://example.org/plan?week=2. <script>window.pwned=1</script>"
                + "<a href=\"javascript:window.pwned=2\">x</a> javascript:window.pwned=3 annual");

        ann.awaitText("#log", log -> log.contains("<script>window.pwned=1</script>"), WAIT);
        var link = ann.script("""
                const links = document.querySelectorAll('#log a');
                return links.length === 1 && {href: links[0].href, rel: links[0].rel, target: links[0].target, text: links[0].textContent};
                """).getAsJsonObject();
        assertThat(link.get("href").getAsString()).isEqualTo("https://example.org/plan?week=2");
        assertThat(link.get("text").getAsString()).isEqualTo("https://example.org/plan?week=2");
        assertThat(link.get("rel").getAsString()).contains("noopener");
        assertThat(link.get("target").getAsString()).isEqualTo("_blank");
        assertThat(ann.script("return typeof window.pwned").getAsString()).isEqualTo("undefined");
        assertThat(ann.script("return document.querySelectorAll('#log script, #log img').length").getAsInt()).isZero();
        assertThat(ann.script("""
                const line = document.querySelector('#log li.mention');
                return line ? [...line.querySelectorAll('mark.mention')].map((mark) => mark.textContent).join('|') : 'none';
                """).getAsString()).isEqualTo("ann");
    }
}
