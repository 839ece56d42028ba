package dev.parley.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.Locale;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;

class I18nTest {

    @Test
    void switchingLanguageRetranslatesBoundText() {
        var i18n = new I18n("en");
        var title = i18n.text("host.title");
        assertThat(title.get()).isEqualTo("Host a room");

        i18n.use("zh-CN");
        assertThat(title.get()).isEqualTo("创建房间");
    }

    @Test
    void nestedNotesAreTranslatedToo() {
        var i18n = new I18n("en");
        var note = new javafx.beans.property.SimpleObjectProperty<>(
                Note.of("state.disconnected", Note.of("reason.server_closed")));

        assertThat(i18n.note(note).get()).isEqualTo("Disconnected: the host closed the room");
    }

    @Test
    void bothLanguagesHaveTheSameKeys() {
        var control = ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
        var en = ResourceBundle.getBundle(I18n.BUNDLE, Locale.ENGLISH, control);
        var zh = ResourceBundle.getBundle(I18n.BUNDLE, Locale.SIMPLIFIED_CHINESE, control);

        assertThat(Collections.list(zh.getKeys())).containsExactlyInAnyOrderElementsOf(Collections.list(en.getKeys()));
        assertThat(zh.getString("members.seedOnly")).isEqualTo("此服务器不提供成员列表。");
    }
}
