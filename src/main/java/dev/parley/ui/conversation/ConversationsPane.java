package dev.parley.ui.conversation;

import dev.parley.ui.common.I18n;
import dev.parley.ui.common.Panes;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/// The side list of conversations (rooms, then people) with unread counts and "typing…"; under
/// it, join a room or start a private conversation by name ("New message").
public final class ConversationsPane extends VBox {

    private final ListView<ConversationRow> list;

    public ConversationsPane(ConversationsViewModel vm, I18n i18n) {
        super(6);
        setPadding(new Insets(12));
        getStyleClass().add("conversations");

        list = new ListView<>(vm.conversations());
        list.setId("conversationsList");
        list.accessibleTextProperty().bind(i18n.text("conversations.title"));
        list.setCellFactory(v -> new ConversationCell(vm, i18n));
        VBox.setVgrow(list, Priority.ALWAYS);
        list.getSelectionModel().selectedItemProperty().addListener((obs, old, row) -> {
            if (row != null && !row.id().equals(vm.active())) {
                vm.select(row.id());
            }
        });
        // Keep the selection on the shown conversation when rows are replaced (unread counts change).
        vm.activeProperty().addListener((obs, old, id) -> select(id));
        vm.conversations().addListener((ListChangeListener<ConversationRow>) c -> select(vm.active()));

        var name = new TextField();
        name.setId("roomField");
        name.promptTextProperty().bind(i18n.text("conversations.prompt"));
        name.accessibleTextProperty().bind(i18n.text("conversations.prompt"));
        HBox.setHgrow(name, Priority.ALWAYS);
        var join = new Button();
        join.setId("roomJoin");
        join.textProperty().bind(i18n.text("rooms.join"));
        Runnable doJoin = () -> { if (vm.join(name.getText())) name.clear(); };
        join.setOnAction(e -> doJoin.run());
        name.setOnAction(e -> doJoin.run());
        var message = new Button();
        message.setId("newMessage");
        message.textProperty().bind(i18n.text("conversations.newMessage"));
        message.setOnAction(e -> { if (vm.openPrivate(name.getText())) name.clear(); });
        var leave = new Button();
        leave.setId("roomLeave");
        leave.textProperty().bind(i18n.text("rooms.leave"));
        leave.setOnAction(e -> vm.leave(vm.active()));
        for (var b : new Button[] {join, message, leave}) {
            b.setMinWidth(Region.USE_PREF_SIZE);
        }
        var buttons = new HBox(6, join, message, leave);
        getChildren().addAll(Panes.title(i18n, "conversations.title"), list, name, buttons,
                Panes.note(i18n, vm.errorProperty(), "error-text"));
    }

    private void select(String id) {
        list.getItems().stream().filter(r -> r.id().equals(id)).findFirst()
                .ifPresent(r -> list.getSelectionModel().select(r));
    }
}
