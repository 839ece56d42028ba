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

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', textBlock = """
            status.hostStats         | 1 | Hosting · 1 connection · 0 msg/s
            status.hostStats         | 2 | Hosting · 2 connections · 0 msg/s
            state.reconnecting       | 1 | Reconnecting in 1 second
            state.reconnecting       | 5 | Reconnecting in 5 seconds
            search.count             | 1 | 1 message
            search.count             | 2 | 2 messages
            search.tooLong           | 1 | A search is at most 1 character.
            nearby.members           | 1 | 1 person
            nearby.members           | 3 | 3 people
            conversations.a11y.room  | 1 | Room lobby, 1 unread message
            conversations.a11y.room  | 2 | Room lobby, 2 unread messages
            """)
    void countsReadRightInEnglishForOneAndForMore(String key, int count, String expected) {
        var i18n = new I18n("en");
        var args = switch (key) {
            case "status.hostStats" -> new Object[] {count, 0.0};
            case "conversations.a11y.room" -> new Object[] {"lobby", count};
            default -> new Object[] {count};
        };

        assertThat(i18n.get(key, args)).isEqualTo(expected);
    }

    @Test
    void countsInChineseNeedNoPluralButStillReadTheNumber() {
        var i18n = new I18n("zh-CN");

        assertThat(i18n.get("status.hostStats", 2, 0.0)).isEqualTo("主持中 · 2 个连接 · 每秒 0 条消息");
        assertThat(i18n.get("conversations.a11y.private", "bob", 3)).isEqualTo("与 bob 的私聊，3 条未读消息");
        assertThat(i18n.get("conversations.a11y.private", "bob", 0)).isEqualTo("与 bob 的私聊，没有未读消息");
    }

    @Test
    void noEnglishTextPutsAPluralNounAfterAPlainCount() {
        var control = ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
        var en = ResourceBundle.getBundle(I18n.BUNDLE, Locale.ENGLISH, control);
        var plain = java.util.regex.Pattern.compile("(?<![<#])\\{\\d(,number,#)?\\} (connections|messages|people|characters|minutes|seconds)");

        assertThat(Collections.list(en.getKeys())).filteredOn(k -> plain.matcher(en.getString(k)).find()).isEmpty();
    }
}
