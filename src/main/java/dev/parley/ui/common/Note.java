package dev.parley.ui.common;

import java.util.Arrays;
import java.util.List;

/// Text a view model wants shown, as a bundle key and its arguments, so that view models stay
/// free of the current language and the window can switch language live.
public record Note(String key, List<Object> args) {

    public static Note of(String key, Object... args) {
        return new Note(key, Arrays.asList(args));
    }
}
