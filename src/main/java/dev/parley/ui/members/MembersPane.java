package dev.parley.ui.members;

import dev.parley.ui.common.I18n;
import dev.parley.ui.common.Note;
import dev.parley.ui.common.Panes;
import dev.parley.ui.common.Times;
import atlantafx.base.theme.Styles;
import dev.parley.protocol.Message;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.beans.value.WeakChangeListener;
import javafx.scene.input.KeyCode;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/// Who is connected to the shown room, live from `presence`, with how long each has been
/// there and whether away or not to be disturbed; the host also sees each connection's address.
/// The list is virtualized (cells for the visible rows only), so thousands of members cost what
/// a screenful does.
public final class MembersPane extends VBox {

    /// `now` ticks once a second ("connected for"); clicking another member (or Enter on it)
    /// calls `openPrivate` with the name.
    public MembersPane(MembersViewModel vm, ObservableValue<Instant> now, Consumer<String> openPrivate, I18n i18n) {
        super(6);
        setPadding(new Insets(12));
        setPrefWidth(230);
        getStyleClass().add("members");
        var title = new Label();
        title.getStyleClass().add("section-title");
        title.textProperty().bind(i18n.note(vm.countProperty().map(n -> Note.of("members.title", n))));

        var list = new ListView<>(vm.members());
        list.setId("membersList");
        list.accessibleTextProperty().bind(title.textProperty());
        list.accessibleHelpProperty().bind(i18n.text("members.a11y.open"));
        Consumer<MemberRow> open = row -> { if (row != null && !row.self()) openPrivate.accept(row.clientId()); };
        list.setCellFactory(v -> {
            var cell = new MemberCell(now, i18n);
            cell.setOnMouseClicked(e -> open.accept(cell.getItem()));
            return cell;
        });
        list.setOnKeyPressed(e -> { if (e.getCode() == KeyCode.ENTER) open.accept(list.getSelectionModel().getSelectedItem()); });
        VBox.setVgrow(list, Priority.ALWAYS);

        var seedOnly = Panes.note(i18n, vm.seedOnlyProperty().map(on -> on ? Note.of("members.seedOnly") : null),
                "hint-text");
        seedOnly.setId("seedOnly");
        getChildren().addAll(title, seedOnly, list);
    }

    private static final class MemberCell extends ListCell<MemberRow> {
        private final Label name = new Label();
        private final Label detail = new Label();
        private final VBox box = new VBox(2, name, detail);
        private final ObservableValue<Instant> now;
        private final I18n i18n;
        /// Kept here: the list holds it only weakly, so a cell the list drops is not kept alive.
        private final ChangeListener<Instant> tick = (obs, old, at) -> showDetail();

        /// The "connected for" time moves on with the once-a-second tick in each cell: a
        /// `refresh()` of the whole list would make new cells every second, and a click landing
        /// just then would hit a cell that no longer shows the member clicked.
        MemberCell(ObservableValue<Instant> now, I18n i18n) {
            this.now = now;
            this.i18n = i18n;
            name.getStyleClass().add("member-name");
            detail.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
            now.addListener(new WeakChangeListener<>(tick));
        }

        private void showDetail() {
            var row = getItem();
            if (isEmpty() || row == null) {
                return;
            }
            var since = i18n.get("members.since", Times.ago(Duration.between(row.since(), now.getValue())));
            detail.setText(row.address() == null ? since : since + " · " + row.address());
            setAccessibleText(name.getText() + ", " + detail.getText());
        }

        @Override
        protected void updateItem(MemberRow row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || row == null) {
                setGraphic(null);
                setAccessibleText(null);
                return;
            }
            var shown = row.self() ? row.clientId() + " " + i18n.get("members.you") : row.clientId();
            name.setText(Message.Member.ONLINE.equals(row.status()) ? shown
                    : shown + " · " + i18n.get("members.status." + row.status()));
            showDetail();
            setGraphic(box);
        }
    }
}
