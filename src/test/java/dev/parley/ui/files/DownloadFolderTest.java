package dev.parley.ui.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DownloadFolderTest {

    @TempDir
    Path home;

    @Test
    void theEnvironmentsDownloadFolderComesFirst() throws Exception {
        var named = Files.createDirectories(home.resolve("Téléchargements"));
        Files.createDirectories(home.resolve("Downloads"));

        assertThat(DownloadFolder.of(Map.of("XDG_DOWNLOAD_DIR", named.toString()), home)).isEqualTo(named);
    }

    @Test
    void theDesktopsUserDirsAreReadWithHomeFilledIn() throws Exception {
        var named = Files.createDirectories(home.resolve("下载"));
        Files.createDirectories(home.resolve(".config"));
        Files.writeString(home.resolve(".config/user-dirs.dirs"),
                "# written by xdg-user-dirs-update\nXDG_DESKTOP_DIR=\"$HOME/Desktop\"\nXDG_DOWNLOAD_DIR=\"$HOME/下载\"\n");

        assertThat(DownloadFolder.of(Map.of(), home)).isEqualTo(named);
    }

    @Test
    void withoutAnyItIsDownloadsAndWithoutThatTheHomeFolder() throws Exception {
        assertThat(DownloadFolder.of(Map.of("XDG_DOWNLOAD_DIR", home.resolve("gone").toString()), home)).isEqualTo(home);
        var downloads = Files.createDirectories(home.resolve("Downloads"));
        assertThat(DownloadFolder.of(Map.of(), home)).isEqualTo(downloads);
    }

    @Test
    void aTakenNameGetsTheFirstFreeNumberAndNothingIsOverwritten() throws Exception {
        Files.writeString(home.resolve("report.pdf"), "first");
        Files.writeString(home.resolve("report (1).pdf"), "second");

        var free = DownloadFolder.unusedName(home, "report.pdf");

        assertThat(free).isEqualTo(home.resolve("report (2).pdf"));
        assertThat(Files.readString(home.resolve("report.pdf"))).isEqualTo("first");
        assertThat(DownloadFolder.unusedName(home, "README")).isEqualTo(home.resolve("README"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "report.pdf|report.pdf",
        "../../.bashrc|bashrc",
        "..|file",
        "C:\\Windows\\evil.exe|evil.exe",
        "a/b/photo.png|photo.png",
        "what?<>|what___",
        "' '|file",
    })
    void namesFromOthersNeverLeaveTheFolder(String given, String safe) {
        assertThat(DownloadFolder.safeName(given)).isEqualTo(safe);
        assertThat(DownloadFolder.unusedName(home, given).getParent()).isEqualTo(home);
    }

    @Test
    void sizesReadAsPeopleReadThem() {
        assertThat(Sizes.bytes(812)).isEqualTo("812 B");
        assertThat(Sizes.bytes(4_200_000)).isEqualTo("4.2 MB");
        assertThat(Sizes.bytes(1_073_741_824L)).isEqualTo("1.1 GB");
        assertThat(Sizes.bytes(350_000)).isEqualTo("350 kB");
        assertThat(Sizes.speed(12_500_000)).isEqualTo("13 MB/s");
    }
}
