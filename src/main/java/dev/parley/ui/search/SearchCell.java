package dev.parley.ui.search;

import dev.parley.ui.common.Times;
import atlantafx.base.theme.Styles;
import dev.parley.protocol.Message.Chat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.scene.layout.VBox;

/// One search result: `MM-dd HH:mm · # room · sender` above the text, every occurrence of a
/// query term marked. Text nodes only, never markup.
final class SearchCell extends ListCell<Chat> {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("MM-dd HH:mm").withZone(ZoneId.systemDefault());

    private final ObservableStringValue query;
    private final Label head = new Label();
    private final TextFlow text = new TextFlow();
    private final VBox box = new VBox(2, head, text);

    SearchCell(ObservableStringValue query) {
        this.query = query;
        head.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        text.getStyleClass().add("search-text");
        // Wrap within the list's width instead of widening it.
        text.prefWidthProperty().bind(widthProperty().subtract(24));
        box.setMinWidth(0);
    }

    @Override
    protected void updateItem(Chat chat, boolean empty) {
        super.updateItem(chat, empty);
        if (empty || chat == null) {
            setGraphic(null);
            return;
        }
        var when = WHEN.format(Times.parse(chat.time(), Instant.EPOCH));
        head.setText(when + " · # " + chat.room() + " · " + chat.from());
        text.getChildren().setAll(Highlights.split(chat.text(), query.get()).stream().map(part -> {
            var node = new Text(part.text());
            node.getStyleClass().add(part.match() ? "search-match" : "search-plain");
            return node;
        }).toList());
        setGraphic(box);
    }
}
