package dev.parley.ui.search;

import dev.parley.ui.common.Note;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.client.ClientEvent.SearchFailed;
import dev.parley.client.ClientEvent.SearchResults;
import dev.parley.protocol.Message.Chat;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/// The search view model without an FX runtime: what it asks, which answers it shows.
class SearchViewModelTest {

    private final SearchViewModel vm = new SearchViewModel();
    private final List<String> asked = new ArrayList<>();
    private final List<String> opened = new ArrayList<>();

    private static Chat chat(String room, String text) {
        return new Chat("m", room, 1, "bob", text, "2026-11-24T16:00:00Z", null);
    }

    @BeforeEach
    void connect() {
        vm.connectTo(asked::add, chat -> opened.add(chat.room()));
    }

    @Test
    void aQueryIsAskedTrimmedOnceAndItsAnswerShown() {
        vm.queryProperty().set("  会议  ");
        vm.search();
        vm.search();

        assertThat(asked).containsExactly("会议");
        assertThat(vm.statusProperty().get()).isEqualTo(Note.of("search.searching"));

        vm.results(new SearchResults("会议", List.of(chat("lobby", "明天开会议"))));
        assertThat(vm.results()).extracting(Chat::text).containsExactly("明天开会议");
        assertThat(vm.statusProperty().get()).isEqualTo(Note.of("search.count", 1));
    }

    @Test
    void anAnswerToAQueryTypedOverIsIgnored() {
        vm.queryProperty().set("mee");
        vm.search();
        vm.queryProperty().set("meeting");
        vm.search();

        vm.results(new SearchResults("mee", List.of(chat("lobby", "meet"))));
        assertThat(vm.results()).isEmpty();
        vm.results(new SearchResults("meeting", List.of()));
        assertThat(vm.statusProperty().get()).isEqualTo(Note.of("search.none", "meeting"));
    }

    @Test
    void failuresSayWhyAndTheSameQueryMayBeAskedAgain() {
        vm.queryProperty().set("hello");
        vm.search();
        vm.failed(new SearchFailed("hello", SearchFailed.Problem.UNSUPPORTED, "this server cannot search"));
        assertThat(vm.statusProperty().get()).isEqualTo(Note.of("search.unsupported"));

        vm.search();
        vm.failed(new SearchFailed("hello", SearchFailed.Problem.REFUSED, "too many messages; slow down"));
        assertThat(vm.statusProperty().get()).isEqualTo(Note.of("search.refused", "too many messages; slow down"));
        assertThat(asked).containsExactly("hello", "hello");
    }

    @Test
    void blankClearsAndTooLongIsNotAsked() {
        vm.queryProperty().set("hi");
        vm.search();
        vm.results(new SearchResults("hi", List.of(chat("lobby", "hi"))));
        vm.queryProperty().set("   ");
        vm.search();
        assertThat(vm.results()).isEmpty();
        assertThat(vm.statusProperty().get()).isNull();

        vm.queryProperty().set("字".repeat(201));
        vm.search();
        assertThat(asked).containsExactly("hi");
        assertThat(vm.statusProperty().get()).isEqualTo(Note.of("search.tooLong", 200));
    }

    @Test
    void choosingAResultOpensItsRoomAndWithoutAClientItSaysOffline() {
        vm.open(chat("dev", "x"));
        assertThat(opened).containsExactly("dev");

        var offline = new SearchViewModel();
        offline.queryProperty().set("x");
        offline.search();
        assertThat(offline.statusProperty().get()).isEqualTo(Note.of("search.offline"));
    }

    @Test
    void matchesAreMarkedCaseInsensitivelyForEveryTerm() {
        assertThat(Highlights.split("Meeting 在会议室 meeting", "MEETING 会议")).containsExactly(
                new Highlights.Part("Meeting", true), new Highlights.Part(" 在", false),
                new Highlights.Part("会议", true), new Highlights.Part("室 ", false), new Highlights.Part("meeting", true));
        assertThat(Highlights.split("plain", null)).containsExactly(new Highlights.Part("plain", false));
    }
}
