package dev.parley.ui.text;

import java.util.function.Predicate;

/// How the log shows what a message says: its web addresses open through `links`, and a line
/// for which `namesYou` holds is marked as a mention of the person.
public record MessageLook(LinkOpener links, Predicate<String> namesYou) {

    /// No link opens and nothing is marked (a log without a person behind it).
    public static MessageLook plain() {
        return new MessageLook(LinkOpener.none(), text -> false);
    }
}
