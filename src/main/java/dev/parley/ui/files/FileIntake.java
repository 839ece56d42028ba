package dev.parley.ui.files;

import dev.parley.ui.common.I18n;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.TransferMode;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/// The three ways files come in to be sent: the Attach button, a drop onto the window, and
/// Ctrl+V (Shift+Insert) with files or a screenshot on the clipboard. Each hands the files to
/// `send`; a paste of plain text is left to the text field.
public final class FileIntake {

    private static final KeyCombination PASTE = new KeyCodeCombination(KeyCode.V, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination PASTE_OLD = new KeyCodeCombination(KeyCode.INSERT, KeyCombination.SHIFT_DOWN);

    private final Supplier<Path> pasted;
    private final Consumer<List<Path>> send;
    private final Consumer<String> problem;

    /// `pasted`: where pasted pictures are written (asked off the FX thread); `problem` hears why
    /// something could not be read.
    public FileIntake(Supplier<Path> pasted, Consumer<List<Path>> send, Consumer<String> problem) {
        this.pasted = pasted;
        this.send = send;
        this.problem = problem;
    }

    /// The Attach button; `choose` shows the open dialog (a [FileChooser] in the app).
    public Button attachButton(I18n i18n, BiFunction<Window, String, List<File>> choose) {
        var button = new Button();
        button.getStyleClass().add("attach");
        button.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // its words, not "…", beside a growing field
        button.textProperty().bind(i18n.text("files.attach"));
        button.accessibleTextProperty().bind(i18n.text("files.attach.accessible"));
        button.setOnAction(e -> {
            var chosen = choose.apply(button.getScene().getWindow(), i18n.get("files.chooser.title"));
            if (chosen != null && !chosen.isEmpty()) {
                send.accept(chosen.stream().map(File::toPath).toList());
            }
        });
        return button;
    }

    /// The open dialog of the desktop, several files at once.
    public static List<File> chooseFiles(Window owner, String title) {
        var chooser = new FileChooser();
        chooser.setTitle(title);
        return chooser.showOpenMultipleDialog(owner);
    }

    /// Files dragged over `target` may be dropped there to be sent.
    public void acceptDrops(Node target) {
        target.addEventHandler(javafx.scene.input.DragEvent.DRAG_OVER, event -> {
            var board = event.getDragboard();
            if (event.getGestureSource() == null && (board.hasFiles() || board.hasImage())) {
                event.acceptTransferModes(TransferMode.COPY);
                event.consume();
            }
        });
        // The window shows where a drop goes while files are over it.
        target.addEventHandler(javafx.scene.input.DragEvent.DRAG_ENTERED, event -> {
            if (event.getGestureSource() == null && (event.getDragboard().hasFiles() || event.getDragboard().hasImage())
                    && !target.getStyleClass().contains("drop-target")) {
                target.getStyleClass().add("drop-target");
            }
        });
        target.addEventHandler(javafx.scene.input.DragEvent.DRAG_EXITED, event -> target.getStyleClass().remove("drop-target"));
        target.addEventHandler(javafx.scene.input.DragEvent.DRAG_DROPPED, event -> {
            target.getStyleClass().remove("drop-target");
            var board = event.getDragboard();
            if (board.hasFiles() || board.hasImage()) {
                event.setDropCompleted(take(board));
                event.consume();
            }
        });
    }

    /// Ctrl+V (Cmd+V, Shift+Insert) in `input` sends the clipboard's files or picture; text is
    /// pasted as usual.
    public void pasteInto(Node input) {
        input.addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if ((PASTE.match(event) || PASTE_OLD.match(event)) && take(Clipboard.getSystemClipboard())) {
                event.consume();
            }
        });
    }

    /// Sends what `board` holds: its files, or a picture alone (a spreadsheet's cells come with
    /// a picture of themselves and text, and pasting them means the text). False when it holds
    /// nothing to send. A picture is written as a PNG off the FX thread, then sent.
    public boolean take(Clipboard board) {
        if (board.hasFiles()) {
            var files = PastedFiles.files(board.getFiles());
            if (!files.isEmpty()) {
                send.accept(files);
            }
            return !files.isEmpty();
        }
        if (!board.hasImage() || board.hasString()) {
            return false;
        }
        try {
            var pixels = PastedFiles.pixels(board.getImage());
            Thread.ofVirtual().name("parley-paste").start(() -> {
                try {
                    var png = PastedFiles.png(pixels, pasted.get());
                    Platform.runLater(() -> send.accept(List.of(png)));
                } catch (IOException unwritable) {
                    Platform.runLater(() -> problem.accept(Transfer.reason(unwritable)));
                }
            });
        } catch (IOException unreadable) {
            problem.accept(Transfer.reason(unreadable));
        }
        return true;
    }
}
