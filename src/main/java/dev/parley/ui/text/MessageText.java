package dev.parley.ui.text;

import dev.parley.ui.notify.Links;
import javafx.scene.Cursor;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/// A message's text as the log shows it: literal text, with each `http://` and `https://`
/// address ([Links]) underlined and handed to the [LinkOpener] on a click. Nothing else reacts
/// and nothing is read as markup. One per log cell, reused as the cell shows other lines: text
/// without an address (nearly every line) stays in a plain label, so a flood of ordinary
/// messages costs what it did before; only a line with one is laid out as a text flow, where a
/// long address wraps like words.
public final class MessageText extends StackPane {

    private final Label plain = new Label();
    private final TextFlow linked = new TextFlow();
    private final LinkOpener opener;

    public MessageText(LinkOpener opener) {
        this.opener = opener;
        getStyleClass().add("message-text");
        plain.getStyleClass().add("text");
        plain.setWrapText(true);
        plain.setMinWidth(0);
        plain.setMaxWidth(Double.MAX_VALUE);
        linked.getStyleClass().add("message-flow");
        linked.setMinWidth(0);
        setMinWidth(0);
        setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        getChildren().addAll(plain, linked);
        showPlain(true);
    }

    /// Shows `text`; the same text as before changes nothing.
    public void show(String text) {
        // "://" is a cheap test that rules out the address search for almost every line.
        if (text == null || !text.contains("://")) {
            plain.setText(text == null ? "" : text);
            showPlain(true);
            return;
        }
        var segments = Links.split(text);
        if (segments.stream().noneMatch(Links.Link.class::isInstance)) {
            plain.setText(text);
            showPlain(true);
            return;
        }
        linked.getChildren().setAll(segments.stream().map(this::node).toList());
        plain.setText("");
        showPlain(false);
    }

    /// The text shown now, exactly as given.
    public String text() {
        return plain.isVisible() ? plain.getText()
                : linked.getChildren().stream().map(n -> ((Text) n).getText()).reduce("", String::concat);
    }

    private Text node(Links.Segment segment) {
        var node = new Text(segment.text());
        if (segment instanceof Links.Link link) {
            node.getStyleClass().add("message-link");
            node.setCursor(Cursor.HAND);
            node.setUserData(link.uri());
            node.setOnMouseClicked(e -> {
                if (e.getButton() == javafx.scene.input.MouseButton.PRIMARY) {
                    e.consume();
                    opener.open(link.uri());
                }
            });
        } else {
            node.getStyleClass().add("message-plain");
        }
        return node;
    }

    private void showPlain(boolean on) {
        plain.setVisible(on);
        plain.setManaged(on);
        linked.setVisible(!on);
        linked.setManaged(!on);
        if (on) {
            linked.getChildren().clear();
        }
    }
}
