package dev.parley.ui.common;

import java.text.MessageFormat;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;

/// The window's text in the chosen language. Labels bind to [#text] / [#note], so switching
/// the language re-translates the live window without rebuilding it.
public final class I18n {

    public static final String BUNDLE = "dev.parley.ui.messages";

    /// The languages offered, by tag; "" follows the system.
    public static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE);

    private final ObjectProperty<Locale> locale = new SimpleObjectProperty<>();
    private final ObjectProperty<ResourceBundle> bundle = new SimpleObjectProperty<>();

    public I18n(String languageTag) {
        locale.addListener((obs, old, now) -> bundle.set(load(now)));
        use(languageTag);
    }

    /// `tag` empty or null follows the system locale; anything but Chinese gives English.
    public void use(String tag) {
        var wanted = tag == null || tag.isBlank() ? Locale.getDefault() : Locale.forLanguageTag(tag);
        locale.set(wanted.getLanguage().equals("zh") ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH);
    }

    public ObjectProperty<Locale> localeProperty() {
        return locale;
    }

    private static ResourceBundle load(Locale locale) {
        // No fallback to the system locale: choosing English on a Chinese desktop must give English.
        return ResourceBundle.getBundle(BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /// The text of `key` now, with `args` filled in; a missing key shows itself, never throws.
    public String get(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.get().getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
        if (args.length == 0) {
            return pattern;
        }
        // A note inside a note (a reason inside a state) is translated too.
        var filled = Arrays.stream(args)
                .map(a -> a instanceof Note n ? get(n.key(), n.args().toArray()) : a).toArray();
        return new MessageFormat(pattern, locale.get()).format(filled);
    }

    public StringBinding text(String key, Object... args) {
        return Bindings.createStringBinding(() -> get(key, args), bundle);
    }

    /// Follows both the note and the language; a null note shows nothing.
    public StringBinding note(ObservableValue<Note> note) {
        return Bindings.createStringBinding(() -> {
            var n = note.getValue();
            return n == null ? "" : get(n.key(), n.args().toArray());
        }, note, bundle);
    }
}
