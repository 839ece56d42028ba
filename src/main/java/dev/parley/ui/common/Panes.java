package dev.parley.ui.common;

import javafx.beans.value.ObservableValue;
import javafx.scene.control.Label;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;

/// Small helpers the panes share.
public final class Panes {

    private Panes() {}

    public static Label title(I18n i18n, String key) {
        var label = new Label();
        label.textProperty().bind(i18n.text(key));
        label.getStyleClass().add("section-title");
        return label;
    }

    public static Label caption(I18n i18n, String key) {
        var label = new Label();
        label.textProperty().bind(i18n.text(key));
        label.getStyleClass().add("caption");
        return label;
    }

    /// A label showing a view model's note (error or hint); it takes no space while empty.
    public static Label note(I18n i18n, ObservableValue<Note> note, String styleClass) {
        var label = new Label();
        label.textProperty().bind(i18n.note(note));
        label.setWrapText(true);
        label.getStyleClass().add(styleClass);
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
        return label;
    }

    public static void copy(String text) {
        var content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }
}
