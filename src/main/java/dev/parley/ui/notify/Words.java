package dev.parley.ui.notify;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/// The window's texts by key, without JavaFX: the window passes its `I18n::get`; tests read the
/// bundle in a given language with [#bundle].
@FunctionalInterface
public interface Words {

    String get(String key, Object... args);

    /// The window's bundle in `locale`, for tests and for code that runs before the window.
    static Words bundle(Locale locale) {
        var bundle = ResourceBundle.getBundle("dev.parley.ui.messages", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return (key, args) -> {
            try {
                return new MessageFormat(bundle.getString(key), locale).format(args);
            } catch (MissingResourceException e) {
                return key;
            }
        };
    }
}
