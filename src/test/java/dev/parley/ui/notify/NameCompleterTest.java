package dev.parley.ui.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class NameCompleterTest {

    private static final List<String> MEMBERS = List.of("alice", "Albert", "bob", "张三");
    private final NameCompleter completer = new NameCompleter();

    @Test
    void completesTheWordAfterTheAtSignAndPutsTheCaretAfterASpace() {
        var done = completer.complete("hi @bo", 6, MEMBERS).orElseThrow();
        assertThat(done.text()).isEqualTo("hi @bob ");
        assertThat(done.caret()).isEqualTo(8);
    }

    @Test
    void completesInTheMiddleOfTheTextAndKeepsWhatFollows() {
        var done = completer.complete("@b look", 2, MEMBERS).orElseThrow();
        assertThat(done.text()).isEqualTo("@bob look");
        assertThat(done.caret()).isEqualTo(5);
    }

    @Test
    void tabAgainCyclesThroughTheNamesThatFitCaseInsensitively() {
        var first = completer.complete("@al", 3, MEMBERS).orElseThrow();
        assertThat(first.text()).isEqualTo("@Albert ");
        var second = completer.complete(first.text(), first.caret(), MEMBERS).orElseThrow();
        assertThat(second.text()).isEqualTo("@alice ");
        var third = completer.complete(second.text(), second.caret(), MEMBERS).orElseThrow();
        assertThat(third.text()).isEqualTo("@Albert ");
    }

    @Test
    void completesNamesInAnyScript() {
        assertThat(completer.complete("@张", 2, MEMBERS).orElseThrow().text()).isEqualTo("@张三 ");
    }

    @Test
    void doesNothingOutsideAnAtWordOrWithoutAMatch() {
        assertThat(completer.complete("hello", 5, MEMBERS)).isEmpty();
        assertThat(completer.complete("mail me@bo", 10, MEMBERS)).isEmpty();
        assertThat(completer.complete("@zed", 4, MEMBERS)).isEmpty();
        assertThat(completer.complete("@bo and", 7, MEMBERS)).isEmpty();
        assertThat(completer.complete("", 0, MEMBERS)).isEmpty();
    }
}
