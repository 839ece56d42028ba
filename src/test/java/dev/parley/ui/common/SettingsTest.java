package dev.parley.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {

    @TempDir
    Path dir;

    @Test
    void everythingSavedComesBack() throws Exception {
        var settings = new Settings();
        settings.name("小明");
        settings.port(4100);
        settings.size(900, 600);
        settings.theme(Settings.Theme.DARK);
        settings.language("zh-CN");
        settings.remember("10.0.0.5");
        settings.remember("ws://host:3001/ws");
        settings.save(dir);

        var back = Settings.load(dir);
        assertThat(back.name()).isEqualTo("小明");
        assertThat(back.port()).isEqualTo(4100);
        assertThat(back.width()).isEqualTo(900);
        assertThat(back.height()).isEqualTo(600);
        assertThat(back.theme()).isEqualTo(Settings.Theme.DARK);
        assertThat(back.language()).isEqualTo("zh-CN");
        assertThat(back.recentServers()).containsExactly("ws://host:3001/ws", "10.0.0.5");
    }

    @Test
    void recentServersKeepTheNewestFirstWithoutRepeats() {
        var settings = new Settings();
        for (int i = 0; i < 12; i++) {
            settings.remember("host" + i);
        }
        settings.remember("host5");

        assertThat(settings.recentServers()).hasSize(Settings.MAX_RECENT).startsWith("host5", "host11", "host10")
                .doesNotHaveDuplicates();
    }

    @Test
    void missingOrDamagedFileGivesDefaults() throws Exception {
        assertThat(Settings.load(dir).port()).isEqualTo(3001);

        Files.writeString(dir.resolve(Settings.FILE_NAME), "port=abc\ntheme=dark\n", StandardCharsets.UTF_8);
        var loaded = Settings.load(dir);
        assertThat(loaded.port()).isEqualTo(3001);
        assertThat(loaded.theme()).isEqualTo(Settings.Theme.DARK);
    }
}
