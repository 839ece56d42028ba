package dev.parley.web;

import static dev.parley.web.PageRig.WAIT;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/// The page speaks the browser's language: Simplified Chinese in a zh-CN Chromium, with the
/// window's words where the two say the same thing; English otherwise.
@Timeout(value = 180, unit = SECONDS)
class PageLanguageTest {

    @TempDir
    Path data;

    private PageRig rig;

    @BeforeEach
    void start() throws Exception {
        rig = new PageRig(data);
    }

    @AfterEach
    void stop() throws Exception {
        rig.close();
    }

    @Test
    void aChineseBrowserGetsThePageInChinese() throws Exception {
        var page = rig.browser("zh-CN");
        page.open(rig.page());
        assertThat(page.script("return navigator.languages[0]").getAsString()).isEqualTo("zh-CN");
        assertThat(page.script("return document.documentElement.lang").getAsString()).isEqualTo("zh-CN");
        assertThat(page.text("#join-button")).isEqualTo("加入");
        assertThat(page.text("#join label")).startsWith("你的名字");

        page.type("#name", "小明");
        page.click("#join-button");
        page.awaitText("#status", status -> status.startsWith("已连接"), WAIT);
        page.awaitText("#members", members -> members.contains("小明 （你）"), WAIT);
        assertThat(page.text("#members-title")).isEqualTo("在线（1）");
        assertThat(page.text("#send")).isEqualTo("发送");
        assertThat(page.script("return document.getElementById('input').placeholder").getAsString())
                .isEqualTo("输入消息（Enter 发送，Shift+Enter 换行）");
        page.click("#send");
        assertThat(page.text("#input-error")).isEqualTo("不能发送空消息。");
    }

    @Test
    void theConnectionCheckSpeaksChineseToo() throws Exception {
        var page = rig.browser("zh-CN");
        page.open(rig.page() + "check");
        assertThat(page.awaitText("#summary", summary -> !summary.startsWith("正在检查"), WAIT)).isEqualTo("一切正常：这台设备可以加入。");
        assertThat(page.text("#step-ws")).contains("实时连接（WebSocket）", "聊天使用的实时连接正常。");
        assertThat(page.text("#check-hint")).isEqualTo("在这台设备上逐步检查能否加入 127.0.0.1:" + rig.port() + "。");
        assertThat(page.text("#join-link")).isEqualTo("加入房间");
    }

    @Test
    void anEnglishBrowserGetsThePageInEnglish() throws Exception {
        var page = rig.join("ann");
        assertThat(page.script("return document.documentElement.lang").getAsString()).isEqualTo("en");
        page.awaitText("#members-title", title -> title.equals("Connected (1)"), WAIT);
        assertThat(page.text("#send")).isEqualTo("Send");
    }
}
