package dev.parley.ui.notify;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/// `@` + Tab: completes the word being typed after an `@` to a member's name. Tab again, with
/// nothing typed in between, moves on to the next name that fits. One per input field.
public final class NameCompleter {

    /// The input after a completion: its whole text and where the caret goes.
    public record Completed(String text, int caret) {}

    private Completed last;
    private List<String> candidates = List.of();
    private int index;
    private int start;
    private String before;
    private String after;

    /// Completes at `caret` in `text` from `names`; empty when the caret is not in an `@` word or
    /// no name begins with what follows the `@`.
    public Optional<Completed> complete(String text, int caret, Collection<String> names) {
        if (last != null && last.text().equals(text) && last.caret() == caret && candidates.size() > 1) {
            index = (index + 1) % candidates.size();
            return Optional.of(remember(candidates.get(index)));
        }
        last = null;
        if (caret < 0 || caret > text.length()) {
            return Optional.empty();
        }
        int at = text.lastIndexOf('@', caret - 1);
        if (at < 0 || (at > 0 && !Character.isWhitespace(text.charAt(at - 1)))) {
            return Optional.empty();
        }
        var typed = text.substring(at + 1, caret);
        if (typed.chars().anyMatch(Character::isWhitespace)) {
            return Optional.empty();
        }
        var prefix = typed.toLowerCase(Locale.ROOT);
        candidates = names.stream().distinct()
                .filter(n -> n.toLowerCase(Locale.ROOT).startsWith(prefix))
                .sorted(String.CASE_INSENSITIVE_ORDER).toList();
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        index = 0;
        start = at + 1;
        before = text.substring(0, start);
        after = text.substring(caret);
        return Optional.of(remember(candidates.getFirst()));
    }

    private Completed remember(String name) {
        // A space after the name, unless one follows already, so that typing goes on naturally.
        var tail = after.startsWith(" ") ? after : " " + after;
        last = new Completed(before + name + tail, start + name.length() + 1);
        return last;
    }
}
