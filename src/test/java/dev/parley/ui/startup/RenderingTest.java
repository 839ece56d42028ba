package dev.parley.ui.startup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RenderingTest {

    @TempDir
    Path dri;

    @Test
    void linuxWithoutAnyDrmDeviceDrawsInSoftware() throws Exception {
        assertThat(Rendering.softwareIsBetter("Linux", null, null, dri.resolve("absent"))).isTrue();
        assertThat(Rendering.softwareIsBetter("Linux", null, null, dri)).isTrue();
        Files.createFile(dri.resolve("by-path"));
        assertThat(Rendering.softwareIsBetter("Linux", null, null, dri)).isTrue();
    }

    @Test
    void aGpuKeepsOpenGl() throws Exception {
        Files.createFile(dri.resolve("renderD128"));
        assertThat(Rendering.softwareIsBetter("Linux", null, null, dri)).isFalse();
    }

    @Test
    void aCardAloneKeepsOpenGl() throws Exception {
        Files.createFile(dri.resolve("card0"));
        assertThat(Rendering.softwareIsBetter("Linux", null, null, dri)).isFalse();
    }

    @Test
    void theUsersOwnChoiceWins() {
        assertThat(Rendering.softwareIsBetter("Linux", "es2", null, dri.resolve("absent"))).isFalse();
        assertThat(Rendering.softwareIsBetter("Linux", null, "Headless", dri.resolve("absent"))).isFalse();
    }

    @Test
    void otherSystemsAreLeftToJavaFx() {
        assertThat(Rendering.softwareIsBetter("Windows 11", null, null, dri.resolve("absent"))).isFalse();
        assertThat(Rendering.softwareIsBetter("Mac OS X", null, null, dri.resolve("absent"))).isFalse();
    }

    @Test
    void theSoftwareRendererKeepsNoRegionImageCacheUnlessTheUserSaysSo() {
        assertThat(Rendering.regionCacheIsWaste("sw", null)).isTrue();
        assertThat(Rendering.regionCacheIsWaste("sw,es2", null)).isTrue();
        assertThat(Rendering.regionCacheIsWaste(" sw ", null)).isTrue();
        assertThat(Rendering.regionCacheIsWaste("es2,sw", null)).isFalse();
        assertThat(Rendering.regionCacheIsWaste(null, null)).isFalse();
        assertThat(Rendering.regionCacheIsWaste("sw", "false")).isFalse();
        assertThat(Rendering.regionCacheIsWaste("sw", "true")).isFalse();
    }
}
