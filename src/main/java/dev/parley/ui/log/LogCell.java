package dev.parley.ui.log;

import dev.parley.ui.common.I18n;
import dev.parley.ui.text.MessageLook;
import dev.parley.ui.text.MessageText;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import dev.parley.protocol.Message;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.scene.Node;
import javafx.scene.layout.StackPane;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/// One log line: time, sender, text (shown as text, never markup, its web addresses clickable),
/// and for own messages their state — pending, sent, or failed with a retry link. A message that
/// names the person is marked (`mention`). A screen reader reads the sender, the time and the text.
final class LogCell extends ListCell<LogLine> {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneId.systemDefault());

    private static final DateTimeFormatter SPOKEN_CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    private final Label time = new Label();
    private final Label from = new Label();
    private final MessageText text;
    private final Label status = new Label();
    private final Hyperlink retry = new Hyperlink();
    /// Holds a shared file's view (picture or card); empty and unmanaged on text lines.
    private final StackPane file = new StackPane();
    private final HBox box;
    private final Function<Message.FileInfo, Node> fileView;
    private Message.FileInfo fileShown;
    private final I18n i18n;
    private final MessageLook look;
    /// The line-kind style classes on `box` now: changed only when they differ, since any change
    /// of style classes makes the cell's CSS be matched again (in a flood, most of the cost per cell).
    private List<String> kinds = List.of();

    LogCell(Consumer<String> onRetry, I18n i18n, MessageLook look, Function<Message.FileInfo, Node> fileView) {
        this.i18n = i18n;
        this.look = look;
        this.fileView = fileView;
        text = new MessageText(look.links());
        box = new HBox(8, time, from, text, file, status, retry);
        file.setManaged(false);
        time.getStyleClass().add("time");
        from.getStyleClass().add("from");
        status.getStyleClass().add("status");
        HBox.setHgrow(text, Priority.ALWAYS);
        text.setMaxWidth(Double.MAX_VALUE);
        for (var fixed : new Label[] {time, from, status}) {
            fixed.setMinWidth(Region.USE_PREF_SIZE);
        }
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
        if (empty || line == null) {
            // The box stays the graphic, hidden: taking it out and putting it back (the list
            // empties a cell each time it measures a line) makes all its CSS be matched again.
            for (var label : new Label[] {time, from, status}) {
                label.setText("");
            }
            text.show("");
            retry.setVisible(false);
            retry.setManaged(false);
            box.setVisible(false);
            setAccessibleText(null);
            return;
        }
        box.setVisible(true);
        time.setText(CLOCK.format(line.time()));
        from.setText(switch (line.kind()) {
            case CHAT -> line.from();
            case DM -> line.from();
            case SYSTEM -> "•";
            case ERROR -> "!";
        });
        body(line);
        var st = line.status();
        kinds(kinds(line));
        status.setText(st == null ? "" : i18n.get("log.status." + st.name().toLowerCase(Locale.ROOT)));
        status.setVisible(st != null);
        retry.setVisible(st == LogLine.Status.FAILED);
        retry.setManaged(st == LogLine.Status.FAILED);
        if (st == LogLine.Status.FAILED && line.detail() != null) {
            status.setText(status.getText() + ": " + line.detail());
        }
        if (!text.prefWidthProperty().isBound()) {
            // The list asks the line for its height at its preferred width: make that the room the
            // text really has, so long lines wrap and the cell grows instead of cutting them.
            text.prefWidthProperty().bind(getListView().widthProperty().subtract(time.widthProperty())
                    .subtract(from.widthProperty()).subtract(status.widthProperty()).subtract(80));
            box.maxWidthProperty().bind(getListView().widthProperty().subtract(24));
        }
        setGraphic(box);
        setAccessibleText(spoken(line));
    }

    /// The line's body, built here alone: the place for links, mentions or a file card.
    private void body(LogLine line) {
        text.show(line.text());
        // The view is built again only for another file (or the server's copy of a pending one).
        if (!java.util.Objects.equals(line.file(), fileShown)) {
            fileShown = line.file();
            file.getChildren().setAll(fileShown == null ? List.of() : List.of(fileView.apply(fileShown)));
            file.setManaged(fileShown != null);
        }
        // A file shared without a caption: no empty text taking the room the file needs.
        text.setManaged(fileShown == null || !line.text().isEmpty());
    }

    /// What a screen reader says of the line: sender, time, text, and an own line's state.
    private String spoken(LogLine line) {
        var who = switch (line.kind()) {
            case CHAT, DM -> line.from();
            case SYSTEM -> i18n.get("log.a11y.notice");
            case ERROR -> i18n.get("log.a11y.error");
        };
        var words = line.file() == null ? line.text() : (line.text() + " " + line.file().name()).strip();
        var said = i18n.get("log.a11y.line", who, SPOKEN_CLOCK.format(line.time()), words);
        return status.isVisible() ? said + " (" + status.getText() + ")" : said;
    }

    private List<String> kinds(LogLine line) {
        var wanted = new ArrayList<String>(3);
        wanted.add(switch (line.kind()) {
            case CHAT -> "line-chat";
            case DM -> "line-dm";
            case SYSTEM -> "line-system";
            case ERROR -> "line-error";
        });
        if (line.own()) {
            wanted.add("own");
        } else if ((line.kind() == LogLine.Kind.CHAT || line.kind() == LogLine.Kind.DM) && look.namesYou().test(line.text())) {
            wanted.add("mention");
        }
        if (line.status() == LogLine.Status.PENDING) {
            wanted.add("pending");
        } else if (line.status() == LogLine.Status.FAILED) {
            wanted.add("failed");
        }
        return wanted;
    }

    private void kinds(List<String> wanted) {
        if (!wanted.equals(kinds)) {
            box.getStyleClass().removeAll(kinds);
            box.getStyleClass().addAll(wanted);
            kinds = wanted;
        }
    }
}
