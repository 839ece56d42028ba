package dev.parley.ui.log;

import dev.parley.ui.common.I18n;
import dev.parley.ui.text.MessageLook;
import dev.parley.ui.common.Panes;
import atlantafx.base.theme.Styles;
import java.time.ZoneId;
import java.util.function.Consumer;
import javafx.beans.value.ObservableValue;
import java.util.stream.Collectors;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.skin.VirtualFlow;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.StackPane;

/// The conversation of the shown room: a virtualized list (only visible lines have cells) that
/// takes new lines at most 10 times a second and holds the newest 5,000 while it follows the end
/// ([ShownLines]), so a flood never freezes the window. Follows new lines unless the user
/// scrolled up; then a "new messages" button brings them back. Scrolled to the top of what it
/// holds, it puts older lines in front and keeps the top line where it was. Lines are
/// selectable (Shift/Ctrl-click) and copyable (Ctrl+C, context menu).
public final class LogPane extends StackPane {

    private final ListView<LogLine> list = new ListView<>();
    private final Button newMessages = new Button();
    private final ListChangeListener<LogLine> onChange = this::changed;
    private boolean follow = true;
    private boolean scrollQueued;
    /// True while older lines are put in front: they are not new messages.
    private boolean paging;
    private final Runnable atPulse = this::atPulse;
    private final ShownLines shown = new ShownLines(Platform::requestNextPulse, System::nanoTime);

    private final LogViewModel vm;

    /// Shows the lines of the conversation `shownConversation` names; a failed line's retry
    /// goes to `retry` with its `cid`; `look` opens links and tells mentions of the person;
    /// `fileView` shows a shared file (a picture or a card).
    public LogPane(LogViewModel vm, ObservableValue<String> shownConversation, Consumer<String> retry, I18n i18n,
                   MessageLook look, java.util.function.Function<dev.parley.protocol.Message.FileInfo, javafx.scene.Node> fileView) {
        this.vm = vm;
        JavaFxLogs.dropFalseAlarms();
        list.setId("logList");
        list.getStyleClass().add("log");
        list.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        list.accessibleTextProperty().bind(i18n.text("log.a11y.list"));
        list.setCellFactory(v -> new LogCell(retry, i18n, look, fileView));
        list.setItems(shown.list());
        shown.list().addListener(onChange);
        show(vm.lines(shownConversation.getValue()));
        shownConversation.addListener((obs, old, room) -> show(vm.lines(room)));
        vm.wantedProperty().addListener((obs, old, wanted) -> {
            if (wanted != null) {
                reveal(wanted.conversation(), wanted.seq());
            }
        });

        var copyKeys = new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN);
        list.setOnKeyPressed(e -> { if (copyKeys.match(e)) { copySelection(); e.consume(); } });
        var copy = new MenuItem();
        copy.textProperty().bind(i18n.text("log.copy"));
        copy.setOnAction(e -> copySelection());
        list.setContextMenu(new ContextMenu(copy));

        newMessages.setId("newMessages");
        newMessages.textProperty().bind(i18n.text("log.newMessages"));
        newMessages.getStyleClass().addAll(Styles.ACCENT, Styles.ROUNDED, Styles.SMALL);
        newMessages.setVisible(false);
        newMessages.setOnAction(e -> { follow = true; newMessages.setVisible(false); scrollToEnd(); });
        StackPane.setAlignment(newMessages, Pos.BOTTOM_CENTER);
        newMessages.setTranslateY(-12);
        getChildren().addAll(list, newMessages);

        // Only the user's own scrolling decides whether to follow: the list's position also moves
        // by itself as lines arrive, which must not switch following off.
        list.addEventFilter(ScrollEvent.SCROLL, e -> Platform.runLater(this::userMoved));
        list.addEventFilter(MouseEvent.MOUSE_RELEASED, e -> Platform.runLater(this::userMoved));
        list.addEventFilter(KeyEvent.KEY_RELEASED, e -> Platform.runLater(this::userMoved));

        // New lines show, and following the end scrolls, at most once a pulse, before its layout.
        sceneProperty().addListener((obs, old, scene) -> {
            if (old != null) {
                old.removePreLayoutPulseListener(atPulse);
            }
            if (scene != null) {
                scene.addPreLayoutPulseListener(atPulse);
                Platform.requestNextPulse();
            }
        });
    }

    /// Scrolls to the message numbered `seq` of the conversation shown and selects it (a search
    /// result opened); false when the log does not hold it.
    public boolean reveal(String conversation, long seq) {
        int at = shown.reveal(vm.indexOf(conversation, seq));
        if (at < 0) {
            return false;
        }
        follow = false;
        scrollQueued = false;
        list.getSelectionModel().clearAndSelect(at);
        list.scrollTo(Math.max(0, at - 3));
        list.requestFocus();
        return true;
    }

    private void userMoved() {
        // Lays the list out first, so that the visible cells are those the user moved to.
        list.layout();
        var flow = flow();
        follow = flow != null
                && (flow.getLastVisibleCell() == null || flow.getLastVisibleCell().getIndex() >= list.getItems().size() - 1);
        if (follow) {
            newMessages.setVisible(false);
        } else {
            showOlderAtTop();
        }
    }

    /// Scrolled up to the first line the list holds: older lines go in front of it, and the
    /// line at the top stays at the top. Checked after the user's scroll, click and key events
    /// and at every pulse while not following (a thumb dragged to the top pages when released,
    /// or during the drag once the log stopped following).
    private void showOlderAtTop() {
        if (follow || !shown.hasOlder()) {
            return;
        }
        var flow = flow();
        var top = flow == null ? null : flow.getFirstVisibleCell();
        if (top == null || top.getIndex() != 0) {
            return;
        }
        paging = true;
        try {
            list.scrollTo(shown.older());
        } finally {
            paging = false;
        }
    }

    private void show(ObservableList<LogLine> lines) {
        shown.follow(lines);
        follow = true;
        newMessages.setVisible(false);
        scrollToEnd();
    }

    private void changed(ListChangeListener.Change<? extends LogLine> change) {
        if (paging) {
            return;
        }
        boolean added = false;
        while (change.next()) {
            added |= change.wasAdded() && !change.wasReplaced();
        }
        if (!added) {
            return;
        }
        if (follow) {
            scrollToEnd();
        } else {
            newMessages.setVisible(true);
        }
    }

    /// Deferred to the next pulse, before its layout: lines arrive in many small batches between
    /// two pulses, and scrolling (which lays the list out) after each of them kept the FX thread
    /// busy under a flood. The flow's own `scrollTo` shows the last line whole, even when it wraps
    /// onto several lines.
    private void scrollToEnd() {
        scrollQueued = true;
        Platform.requestNextPulse();
    }

    private void atPulse() {
        shown.catchUp(follow);
        if (scrollQueued) {
            scrollNow();
        } else {
            showOlderAtTop();
        }
    }

    /// Shows the last line whole at the bottom. Laying the list out first has its skin count the
    /// new lines (the flow then lays out where it was); at the end position the flow lays out
    /// the last lines with the cells it shows them in. The flow finds the end from estimated
    /// line heights, so with few lines of mixed heights the last one can still be below the
    /// view: then `ListView.scrollTo` places it, which measures each line near it in a spare cell
    /// and lays the list out twice more (as every new batch did before, a cost the FX thread felt
    /// under a flood).
    private void scrollNow() {
        scrollQueued = false;
        int last = list.getItems().size() - 1;
        if (last < 0) {
            return;
        }
        var flow = flow();
        if (flow == null) {
            list.scrollTo(last);
            return;
        }
        list.layout();
        if (flow.getVisibleCell(last) == null) {
            flow.setPosition(1);
            list.layout();
        }
        if (flow.getVisibleCell(last) == null) {
            list.scrollTo(last);
            list.layout();
        }
        flow.scrollTo(last);
    }

    /// The list skin's flow, which knows the visible cells; null before the skin exists.
    private VirtualFlow<?> flow() {
        return list.lookup(".virtual-flow") instanceof VirtualFlow<?> flow ? flow : null;
    }

    private void copySelection() {
        var zone = ZoneId.systemDefault();
        var text = list.getSelectionModel().getSelectedIndices().stream().sorted()
                .map(i -> list.getItems().get(i).plain(zone)).collect(Collectors.joining("\n"));
        if (!text.isEmpty()) {
            Panes.copy(text);
        }
    }
}
