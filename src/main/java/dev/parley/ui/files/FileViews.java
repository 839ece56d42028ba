package dev.parley.ui.files;

import dev.parley.protocol.Message;
import dev.parley.ui.common.I18n;
import java.nio.file.Path;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/// Builds what a log line shows for a shared file: a [PictureThumbnail] for a picture the
/// server made a thumbnail of, a [FileCard] for anything else. One per window.
public final class FileViews {

    private final java.util.function.Supplier<SharedFiles> files;
    private final Pictures pictures;
    private final I18n i18n;
    private final Consumer<Path> open;
    private final BiFunction<Window, String, Path> saveAs;

    /// `files`: those of the connection now; `open` hands a downloaded file to the desktop
    /// ([DesktopOpen] in the app); `saveAs` asks where to save a file of a given name, or
    /// answers null ([#saveDialog] in the app).
    public FileViews(java.util.function.Supplier<SharedFiles> files, Pictures pictures, I18n i18n, Consumer<Path> open,
                     BiFunction<Window, String, Path> saveAs) {
        this.files = files;
        this.pictures = pictures;
        this.i18n = i18n;
        this.open = open;
        this.saveAs = saveAs;
    }

    public Node of(Message.FileInfo file) {
        return file.thumb() != null ? new PictureThumbnail(file, files, pictures, i18n, this::saveAs)
                : new FileCard(file, files, i18n, open, this::saveAs);
    }

    private Path saveAs(Window owner, String name) {
        return saveAs.apply(owner, name);
    }

    /// The desktop's save dialog, starting in `folder` with `name` filled in.
    public static BiFunction<Window, String, Path> saveDialog(Path folder, String title) {
        return (owner, name) -> {
            var chooser = new FileChooser();
            chooser.setTitle(title);
            chooser.setInitialDirectory(folder.toFile());
            chooser.setInitialFileName(DownloadFolder.safeName(name));
            var chosen = chooser.showSaveDialog(owner);
            return chosen == null ? null : chosen.toPath();
        };
    }
}
