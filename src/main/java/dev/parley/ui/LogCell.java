package dev.parley.ui;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.Consumer;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/// One log line: time, sender, text (shown as text, never markup), and for own messages their
/// state — pending, sent, or failed with a retry link.
final class LogCell extends ListCell<LogLine> {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneId.systemDefault());
    private static final String[] KINDS = {"line-chat", "line-dm", "line-system", "line-error", "own", "pending", "failed"};

    private final Label time = new Label();
    private final Label from = new Label();
    private final Label text = new Label();
    private final Label status = new Label();
    private final Hyperlink retry = new Hyperlink();
    private final HBox box = new HBox(8, time, from, text, status, retry);
    private final I18n i18n;

    LogCell(Consumer<String> onRetry, I18n i18n) {
        this.i18n = i18n;
        time.getStyleClass().add("time");
        from.getStyleClass().add("from");
        text.getStyleClass().add("text");
        status.getStyleClass().add("status");
        text.setWrapText(true);
        text.setMinWidth(0);
        HBox.setHgrow(text, Priority.ALWAYS);
        text.setMaxWidth(Double.MAX_VALUE);
        retry.textProperty().bind(i18n.text("log.retry"));
        retry.getStyleClass().add("retry");
        retry.setOnAction(e -> { if (getItem() != null) onRetry.accept(getItem().cid()); });
        box.getStyleClass().add("log-line");
        // Wrap long lines to the list's width instead of scrolling sideways.
        setPrefWidth(0);
    }

    @Override
    protected void updateItem(LogLine line, boolean empty) {
        super.updateItem(line, empty);
        box.getStyleClass().removeAll(KINDS);
        if (empty || line == null) {
            setGraphic(null);
            return;
        }
        time.setText(CLOCK.format(line.time()));
        box.getStyleClass().add(switch (line.kind()) {
            case CHAT -> "line-chat";
            case DM -> "line-dm";
            case SYSTEM -> "line-system";
            case ERROR -> "line-error";
        });
        from.setText(switch (line.kind()) {
            case CHAT -> line.from();
            case DM -> line.from() + " → " + line.detail();
            case SYSTEM -> "•";
            case ERROR -> "!";
        });
        text.setText(line.text());
        if (line.own()) {
            box.getStyleClass().add("own");
        }
        var st = line.status();
        status.setText(st == null ? "" : i18n.get("log.status." + st.name().toLowerCase(java.util.Locale.ROOT)));
        status.setVisible(st != null);
        if (st == LogLine.Status.PENDING) box.getStyleClass().add("pending");
        if (st == LogLine.Status.FAILED) box.getStyleClass().add("failed");
        retry.setVisible(st == LogLine.Status.FAILED);
        retry.setManaged(st == LogLine.Status.FAILED);
        if (st == LogLine.Status.FAILED && line.detail() != null) {
            status.setText(status.getText() + ": " + line.detail());
        }
        box.maxWidthProperty().bind(getListView().widthProperty().subtract(24));
        setGraphic(box);
    }
}
