package dev.parley.ui.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NotifySettingsTest {

    @TempDir
    Path dir;

    @Test
    void defaultsSoundForPrivateMessagesAndMentionsOnlyAndNothingMuted() {
        var settings = NotifySettings.load(dir);
        assertThat(settings.soundPrivate()).isTrue();
        assertThat(settings.soundMentions()).isTrue();
        assertThat(settings.soundRooms()).isFalse();
        assertThat(settings.doNotDisturb()).isFalse();
        assertThat(settings.muted("lobby")).isFalse();
    }

    @Test
    void choicesSurviveARestart() throws Exception {
        var settings = new NotifySettings();
        settings.mute("lobby", true);
        settings.mute("@张三", true);
        settings.doNotDisturb(true);
        settings.soundRooms(true);
        settings.soundPrivate(false);
        settings.save(dir);
        var loaded = NotifySettings.load(dir);
        assertThat(loaded.muted("lobby")).isTrue();
        assertThat(loaded.muted("@张三")).isTrue();
        assertThat(loaded.muted("random")).isFalse();
        assertThat(loaded.doNotDisturb()).isTrue();
        assertThat(loaded.soundRooms()).isTrue();
        assertThat(loaded.soundPrivate()).isFalse();
        assertThat(loaded.soundMentions()).isTrue();
    }

    @Test
    void aDamagedFileGivesTheDefaults() throws Exception {
        Files.writeString(dir.resolve(NotifySettings.FILE_NAME), "sound.rooms=\\u12");
        assertThat(NotifySettings.load(dir).soundRooms()).isFalse();
    }

    @Test
    void adoptingTakesEveryChoice() {
        var read = new NotifySettings();
        read.mute("lobby", true);
        read.soundMentions(false);
        var live = new NotifySettings();
        live.mute("random", true);
        live.adopt(read);
        assertThat(live.muted("lobby")).isTrue();
        assertThat(live.muted("random")).isFalse();
        assertThat(live.soundMentions()).isFalse();
    }
}
