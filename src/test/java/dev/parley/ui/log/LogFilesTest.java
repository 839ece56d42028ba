package dev.parley.ui.log;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.client.ClientEvent;
import dev.parley.client.Line;
import dev.parley.protocol.Message;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/// Log lines carry a shared file: what was sent while pending, the server's copy (with its url
/// and thumbnail) once sent, and the file of a history page's messages.
class LogFilesTest {

    private static final String SHA = "ab".repeat(32);
    private static final Message.FileInfo SENT = new Message.FileInfo(SHA, "plan.png", null, "image/png", null, null, null, null);
    private static final Message.FileInfo STORED = new Message.FileInfo(SHA, "plan.png", 2_000L, "image/png",
            "/files/" + SHA + "/k/plan.png", "/files/thumbs/" + SHA, 800, 600);

    private final LogViewModel log = new LogViewModel(Clock.fixed(Instant.parse("2026-01-02T10:00:00Z"), ZoneOffset.UTC),
            () -> "lobby");

    @Test
    void anOwnShareShowsWhatWasSentThenTheServersCopy() {
        log.apply(new ClientEvent.LineAdded(new Line("lobby", "c1", 0, "ann", "", null, true, Line.State.PENDING, SENT)));
        assertThat(log.lines("lobby").getFirst().file()).isEqualTo(SENT);

        log.apply(new ClientEvent.LineChanged(new Line("lobby", "c1", 5, "ann", "", "2026-01-02T10:00:05Z", true,
                Line.State.SENT, STORED)));

        var shown = log.lines("lobby").getFirst();
        assertThat(shown.file()).isEqualTo(STORED);
        assertThat(shown.status()).isEqualTo(LogLine.Status.SENT);
        assertThat(shown.plain(ZoneOffset.UTC)).isEqualTo("10:00:05 ann: [plan.png]");
    }

    @Test
    void aFailedShareKeepsItsFileAndHistoryBringsFilesToo() {
        log.apply(new ClientEvent.LineAdded(new Line("lobby", "c1", 0, "ann", "", null, true, Line.State.PENDING, SENT)));
        log.apply(new ClientEvent.LineChanged(new Line("lobby", "c1", 0, "ann", "", null, true, Line.State.FAILED, null)));
        assertThat(log.lines("lobby").getFirst().file()).isEqualTo(SENT);

        log.apply(new ClientEvent.HistoryPage("lobby", List.of(new Message.Chat("i1", "lobby", 1, "bob", "the plan",
                "2026-01-02T09:00:00Z", null, STORED)), true));

        assertThat(log.lines("lobby").getFirst().file()).isEqualTo(STORED);
        assertThat(log.lines("lobby").getFirst().plain(ZoneOffset.UTC)).isEqualTo("09:00:00 bob: the plan [plan.png]");
    }
}
