/// How the window gets on screen quickly and lean: everything between `main` and a built
/// [dev.parley.ui.ParleyWindow], so that the views in `ui` read as views.
///
/// ## Why these tricks exist
///
/// A start is mostly fixed cost (the JVM, GTK and JavaFX starting) plus building the view, whose
/// first CSS pass is the larger part. A double-click should show a window while that runs, and
/// the idle window should not pay memory for drawing it does not do. Each class below answers one
/// part of that and was kept because it still pays; the figures behind each are in
/// `src/bench/README.md`, measured with `packaging/measure-startup.sh`, which judges Parley as
/// a multiple of [BareWindow] started the same way (targets: drawn ≤ 1.25×, ready ≤ 1.6×).
///
/// - [DesktopLauncher] → [ParleyApp]: the JavaFX application; `init` reads the settings off the
///   FX thread, `start` shows the [FirstFrame], whose build callback makes the real window.
/// - [FirstFrame]: the window's size, title and outline (header, side pane, status bar) drawn from
///   plain regions without a stylesheet, in the first frame; the real view is built once the
///   renderer has drawn it. JavaFX's software pipeline posts each frame's pixels to the FX
///   thread, so a build posted at once would run before them and the outline would never be
///   seen: hence the watch on the renderer thread (by its name, `QuantumRenderer`, the only
///   handle JavaFX gives), bounded in time.
/// - [Rendering]: without a GPU, JavaFX's own software renderer instead of OpenGL on Mesa's
///   llvmpipe (which maps LLVM into the process), `GDK_GL=disable` so that GTK does not load it
///   either, and no region image cache with the software renderer (a heap-held texture that
///   buys nothing there). The Linux launcher script sets `GDK_GL` itself, so the FFM `setenv`
///   fallback only runs from a plain `java` command.
/// - [Rehearsal]: the AOT cache's training workload (`packaging/installer.xml`): a rehearsed
///   flood, so that the cache holds the classes and profiles a busy room needs and the first
///   real flood runs compiled code sooner.
/// - [StartupTrace]: `-Dparley.startup.trace=true` prints the milestones with wall-clock times.
/// - [BareWindow]: the yardstick above; not used by the app.
///
/// Two start-up measures live elsewhere, on purpose: the theme set before the first control
/// ([dev.parley.ui.ParleyWindow#applyTheme], so JavaFX never parses Modena only to replace it) is
/// part of building the view, and `dev.parley.app.Main` tells Jetty the reference size so that
/// it does not start JMX — that one is for `--headless` too, which must not load `ui`.
/// `dev.parley.ui.log.JavaFxLogs` stays beside the log pane: it filters a JavaFX false alarm of that
/// pane's list, not a start-up cost.
///
/// Dependencies point one way: `app → ui.startup → ui`; nothing in `ui` knows this package.
package dev.parley.ui.startup;
