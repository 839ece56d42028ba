package dev.parley.ui;

import dev.parley.ui.common.I18n;
import java.util.function.Supplier;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ContextMenu;

/// "Mute notifications" in a conversation's context menu: ticked while that conversation is
/// muted; a muted conversation neither notifies nor counts as unread unless a message names you.
final class MuteItem {

    private MuteItem() {}

    /// Adds the item to `menu`; `conversation` is asked when the menu opens (the row it was opened on).
    static CheckMenuItem addTo(ContextMenu menu, Notices notices, I18n i18n, Supplier<String> conversation) {
        var item = new CheckMenuItem();
        item.setId("muteItem");
        item.textProperty().bind(i18n.text("notify.mute"));
        item.setOnAction(e -> {
            var which = conversation.get();
            if (which != null) {
                notices.mute(which, item.isSelected());
            }
        });
        // A handler, not the menu's one `onShowing`, which its owner may use.
        menu.addEventHandler(javafx.stage.WindowEvent.WINDOW_SHOWING, e -> {
            var which = conversation.get();
            item.setDisable(which == null);
            item.setSelected(which != null && notices.settings().muted(which));
        });
        menu.getItems().add(item);
        return item;
    }
}
