package dev.parley.ui;

import dev.parley.ui.common.I18n;
import dev.parley.ui.notify.Availability;
import dev.parley.ui.notify.NotifySettings;
import java.util.Locale;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.MenuButton;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.ToggleGroup;

/// The header's status menu: the button shows the status the person chose (Available, Away,
/// Do not disturb: sent to the rooms as presence, and "Do not disturb" silences notifications);
/// below, when to play the notification sound. Every choice is saved at once ([Notices]).
final class NoticeMenu extends MenuButton {

    NoticeMenu(Notices notices, I18n i18n) {
        setId("noticeMenu");
        var group = new ToggleGroup();
        for (var status : Availability.values()) {
            var item = new RadioMenuItem();
            item.setId("status-" + status.wire());
            item.textProperty().bind(i18n.text(key(status)));
            item.setToggleGroup(group);
            item.setOnAction(e -> notices.choose(status));
            getItems().add(item);
        }
        getItems().add(new SeparatorMenuItem());
        sound(notices, i18n, "notify.sound.private", NotifySettings::soundPrivate, NotifySettings::soundPrivate);
        sound(notices, i18n, "notify.sound.mentions", NotifySettings::soundMentions, NotifySettings::soundMentions);
        sound(notices, i18n, "notify.sound.rooms", NotifySettings::soundRooms, NotifySettings::soundRooms);

        // The language or the status may change while the menu is closed (settings read from
        // disk after the window opened, "Do not disturb" kept from last time).
        textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> i18n.get(key(notices.chosenProperty().get())), notices.chosenProperty(), i18n.localeProperty()));
        setOnShowing(e -> {
            var chosen = notices.chosenProperty().get();
            group.getToggles().forEach(t -> t.setSelected(((RadioMenuItem) t).getId().equals("status-" + chosen.wire())));
            getItems().stream().filter(CheckMenuItem.class::isInstance).map(CheckMenuItem.class::cast)
                    .forEach(c -> c.setSelected(((Predicate<NotifySettings>) c.getUserData()).test(notices.settings())));
        });
    }

    private void sound(Notices notices, I18n i18n, String key, Predicate<NotifySettings> on,
                       BiConsumer<NotifySettings, Boolean> set) {
        var item = new CheckMenuItem();
        item.setId(key.replace('.', '-'));
        item.textProperty().bind(i18n.text(key));
        item.setUserData(on);
        item.setSelected(on.test(notices.settings()));
        item.setOnAction(e -> notices.change(s -> set.accept(s, item.isSelected())));
        getItems().add(item);
    }

    private static String key(Availability status) {
        return "notify.status." + status.name().toLowerCase(Locale.ROOT);
    }
}
