package dev.parley.ui.files;

import dev.parley.client.ParleyClient;
import dev.parley.ui.common.I18n;
import dev.parley.ui.common.Session;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.Node;
import javafx.scene.layout.Pane;
import javafx.scene.layout.StackPane;

/// Where files meet the window: one [SharedFiles] for the [Session]'s connection of the moment
/// (its transfers stop with it), the log's file views, the transfers above the input, and the
/// Attach button, Ctrl+V and drops. FX thread only.
public final class WindowFiles {

    private final I18n i18n;
    private final Consumer<String> problem;
    private final ReadOnlyObjectWrapper<SharedFiles> files = new ReadOnlyObjectWrapper<>();

    /// `problem` hears what went wrong outside a transfer (a file that cannot be opened or read).
    public WindowFiles(Session session, I18n i18n, Consumer<String> problem) {
        this.i18n = i18n;
        this.problem = problem;
        session.clientProperty().addListener((obs, old, now) -> follow(now));
        follow(session.clientProperty().get());
    }

    private void follow(ParleyClient client) {
        if (files.get() != null) {
            files.get().close();
        }
        files.set(client == null ? null : new SharedFiles(client, DownloadFolder::of, Platform::runLater));
    }

    /// The files of the connection now; null while there is none.
    public ReadOnlyObjectProperty<SharedFiles> filesProperty() {
        return files.getReadOnlyProperty();
    }

    /// What the log shows for a shared file.
    public FileViews views() {
        var pictures = new Pictures(() -> files.get() == null ? null : files.get().http(), Platform::runLater);
        return new FileViews(files::get, pictures, i18n,
                file -> DesktopOpen.open(file, reason -> Platform.runLater(() -> problem.accept(reason))),
                (owner, name) -> FileViews.saveDialog(DownloadFolder.of(), i18n.get("files.saveAs.title")).apply(owner, name));
    }

    /// The running and failed transfers of the connection; no room taken when there are none.
    public Node transfers() {
        var holder = new StackPane();
        holder.setId("transfers");
        Runnable follow = () -> holder.getChildren().setAll(files.get() == null ? List.of() : List.of(new TransfersPane(files.get(), i18n)));
        files.addListener((obs, old, now) -> follow.run());
        follow.run();
        return holder;
    }

    /// The Attach button in `input`'s tools, Ctrl+V in its field, drops onto `dropTarget`: the
    /// files go to the conversation `active` names.
    public void intake(Supplier<String> active, Node input, Node dropTarget) {
        var intake = new FileIntake(pastedFolder(), paths -> {
            var conversation = active.get();
            if (files.get() != null && conversation != null) {
                files.get().share(conversation, paths);
            }
        }, problem);
        var attach = intake.attachButton(i18n, FileIntake::chooseFiles);
        attach.setId("attachButton");
        attach.disableProperty().bind(files.isNull());
        ((Pane) input.lookup("#inputTools")).getChildren().add(attach);
        intake.pasteInto(input.lookup("#input"));
        intake.acceptDrops(dropTarget);
    }

    /// A folder of this user's own for pasted pictures, made when the first one is written.
    private static Supplier<Path> pastedFolder() {
        var made = new Path[1];
        return () -> {
            synchronized (made) {
                if (made[0] == null) {
                    try {
                        made[0] = Files.createTempDirectory("parley-pasted");
                    } catch (IOException failed) {
                        throw new UncheckedIOException(failed);
                    }
                }
                return made[0];
            }
        };
    }
}
