package dev.parley.ui.startup;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.ValueLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/// Chooses JavaFX's renderer before the toolkit starts.
///
/// On Linux without a GPU (no DRM device: virtual machines, remote X, Xvfb, many thin clients)
/// JavaFX's OpenGL pipeline runs on Mesa's llvmpipe, which maps all of LLVM into the process to
/// draw what JavaFX's own software renderer draws without it; and GTK probes OpenGL for its
/// visuals while starting, which loads the same driver, unless `GDK_GL=disable`. Both are
/// avoided here, the largest single saving of the idle window's memory (src/bench/README.md).
/// With a GPU nothing changes. A `-Dprism.order` or a `GDK_GL` of the user's always wins, and so
/// does a glass platform chosen by tests.
final class Rendering {

    private static final System.Logger LOG = System.getLogger(Rendering.class.getName());

    /// JavaFX caches the look of controls with two or more background fills (most buttons and
    /// fields of the theme) as images in one 2048×1024 texture; the software renderer keeps it
    /// as an `int[]` on the Java heap, for drawing that is as quick without it. Off with the
    /// software renderer, whoever chose it (this class, a user's `-Dprism.order=sw`, the
    /// installer's training run): the same pixels bar a few border corners' anti-aliasing, for
    /// less heap. A `-Dprism.disableRegionCaching` of the user's wins.
    private static final String NO_REGION_CACHE = "prism.disableRegionCaching";

    private Rendering() {}

    /// Sets the renderer's system properties (and `GDK_GL`); before `Application.launch` only.
    static void choose() {
        if (softwareIsBetter(System.getProperty("os.name", ""), System.getProperty("prism.order"),
                System.getProperty("glass.platform"), Path.of("/dev/dri"))) {
            System.setProperty("prism.order", "sw");
            setenvUnlessSet("GDK_GL", "disable");
        }
        if (regionCacheIsWaste(System.getProperty("prism.order"), System.getProperty(NO_REGION_CACHE))) {
            System.setProperty(NO_REGION_CACHE, "true");
        }
    }

    /// True when JavaFX's software renderer is tried first and nobody set the region cache.
    static boolean regionCacheIsWaste(String prismOrder, String disableRegionCaching) {
        return prismOrder != null && prismOrder.split(",", 2)[0].strip().equals("sw") && disableRegionCaching == null;
    }

    /// True on Linux with no DRM device in `dri`, when neither the renderer nor the glass platform
    /// was chosen already.
    static boolean softwareIsBetter(String os, String prismOrder, String glassPlatform, Path dri) {
        if (!os.toLowerCase(Locale.ROOT).contains("linux") || prismOrder != null || glassPlatform != null) {
            return false;
        }
        try (var devices = Files.list(dri)) {
            return devices.map(d -> d.getFileName().toString()).noneMatch(n -> n.startsWith("card") || n.startsWith("renderD"));
        } catch (IOException noDriFolder) {
            return true;
        }
    }

    /// `System.getenv` cannot change the process's environment, which GTK reads in C: call
    /// libc's `setenv` (without overwriting) through the FFM API before GTK starts. When the
    /// variable is set already (the Linux installer's launcher script sets `GDK_GL`), nothing is
    /// called: linking a downcall is a noticeable part of a start.
    private static void setenvUnlessSet(String name, String value) {
        if (System.getenv(name) != null) {
            return;
        }
        var linker = Linker.nativeLinker();
        try (var arena = Arena.ofConfined()) {
            var setenv = linker.downcallHandle(linker.defaultLookup().find("setenv").orElseThrow(),
                    FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.ADDRESS, ValueLayout.JAVA_INT));
            int result = (int) setenv.invokeExact(arena.allocateFrom(name), arena.allocateFrom(value), 0);
            if (result != 0) {
                LOG.log(System.Logger.Level.WARNING, "setenv " + name + " failed; GTK may load OpenGL");
            }
        } catch (Throwable unavailable) {
            LOG.log(System.Logger.Level.WARNING, "setenv " + name + " unavailable (" + unavailable + "); GTK may load OpenGL");
        }
    }
}
