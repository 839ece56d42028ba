package dev.parley.ui.members;

import dev.parley.ui.MainViewModel;
import dev.parley.ui.common.I18n;
import dev.parley.ui.common.Note;
import dev.parley.ui.common.Panes;
import dev.parley.ui.common.Times;
import atlantafx.base.theme.Styles;
import dev.parley.protocol.Message;
import java.time.Duration;
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

    public MembersPane(MainViewModel vm, I18n i18n) {
        super(6);
        setPadding(new Insets(12));
        setPrefWidth(230);
        getStyleClass().add("members");
        var title = new Label();
        title.getStyleClass().add("section-title");
        title.textProperty().bind(i18n.note(vm.members().countProperty().map(n -> Note.of("members.title", n))));

        var list = new ListView<>(vm.members().members());
        list.setId("membersList");
        list.setCellFactory(v -> new MemberCell(vm, i18n));
        VBox.setVgrow(list, Priority.ALWAYS);
        // The "connected for" times move on with the once-a-second tick.
        vm.nowProperty().addListener((obs, old, now) -> list.refresh());

        var seedOnly = Panes.note(i18n, vm.members().seedOnlyProperty().map(on -> on ? Note.of("members.seedOnly") : null),
                "hint-text");
        seedOnly.setId("seedOnly");
        getChildren().addAll(title, seedOnly, list);
    }

    private static final class MemberCell extends ListCell<MemberRow> {
        private final Label name = new Label();
        private final Label detail = new Label();
        private final VBox box = new VBox(2, name, detail);
        private final MainViewModel vm;
        private final I18n i18n;

        MemberCell(MainViewModel vm, I18n i18n) {
            this.vm = vm;
            this.i18n = i18n;
            name.getStyleClass().add("member-name");
            detail.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        }

        @Override
        protected void updateItem(MemberRow row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || row == null) {
                setGraphic(null);
                return;
            }
            var shown = row.self() ? row.clientId() + " " + i18n.get("members.you") : row.clientId();
            name.setText(Message.Member.ONLINE.equals(row.status()) ? shown
                    : shown + " · " + i18n.get("members.status." + row.status()));
            var ago = Times.ago(Duration.between(row.since(), vm.nowProperty().get()));
            var since = i18n.get("members.since", ago);
            detail.setText(row.address() == null ? since : since + " · " + row.address());
            setGraphic(box);
        }
    }
}
