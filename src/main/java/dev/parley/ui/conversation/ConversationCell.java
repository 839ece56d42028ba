package dev.parley.ui.conversation;

import atlantafx.base.theme.Styles;
import dev.parley.ui.common.I18n;
import javafx.geometry.Pos;
import javafx.scene.AccessibleRole;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.MenuItem;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/// One conversation of the side list: `#room` or a person's name, "typing…" under it, the unread
/// count on the right; its context menu leaves the room or closes the private conversation (the
/// place for more per-conversation actions). Read by a screen reader as one sentence.
final class ConversationCell extends ListCell<ConversationRow> {

    private final Label title = new Label();
    private final Label typing = new Label();
    private final Label unread = new Label();
    private final HBox box;
    private final MenuItem leave = new MenuItem();
    private final ContextMenu menu = new ContextMenu(leave);
    private final I18n i18n;

    ConversationCell(ConversationsViewModel vm, I18n i18n) {
        this.i18n = i18n;
        title.getStyleClass().add("conversation-title");
        typing.getStyleClass().addAll("typing", Styles.TEXT_SMALL, Styles.TEXT_MUTED);
        unread.getStyleClass().addAll("unread", Styles.SMALL);
        unread.setMinWidth(Region.USE_PREF_SIZE);
        var spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        box = new HBox(6, new VBox(0, title, typing), spacer, unread);
        box.setAlignment(Pos.CENTER_LEFT);
        leave.setOnAction(e -> { if (getItem() != null) vm.leave(getItem().id()); });
        setAccessibleRole(AccessibleRole.LIST_ITEM);
    }

    /// The actions of this conversation's context menu; more can be added.
    ContextMenu menu() {
        return menu;
    }

    @Override
    protected void updateItem(ConversationRow row, boolean empty) {
        super.updateItem(row, empty);
        if (empty || row == null) {
            setGraphic(null);
            setContextMenu(null);
            setAccessibleText(null);
            return;
        }
        title.setText((row.privately() ? "@ " : "# ") + row.title());
        typing.setText(row.typing() == null ? "" : i18n.get("conversations.typing"));
        typing.setVisible(row.typing() != null);
        typing.setManaged(row.typing() != null);
        unread.setText(Integer.toString(row.unread()));
        unread.setVisible(row.unread() > 0);
        leave.setText(i18n.get(row.privately() ? "conversations.close" : "rooms.leave"));
        setContextMenu(menu);
        setGraphic(box);
        setAccessibleText(i18n.get(row.privately() ? "conversations.a11y.private" : "conversations.a11y.room",
                row.title(), row.unread()) + (row.typing() == null ? "" : ", " + i18n.get("typing.one", row.typing())));
    }
}
