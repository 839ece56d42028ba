package dev.parley.ui.files;

import dev.parley.client.FileTransfers;
import dev.parley.client.Line;
import dev.parley.client.ParleyClient;
import dev.parley.protocol.Message;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/// The files of one connection: shares what the user attaches (upload, then a chat or private
/// message through the client's outbox) and downloads what others shared, each as a
/// [Transfer] listed in [#transfers()] while it runs or until a failed one is retried or
/// dismissed. FX thread only; the bytes move on the transfers' own threads.
public final class SharedFiles {

    /// How often a waiting upload looks for a connection; a reconnect brings a new token.
    private static final Duration WAIT_STEP = Duration.ofMillis(200);
    private static final int MAX_TRIES_ON_ONE_CONNECTION = 5;

    private final ParleyClient client;
    private final java.util.function.Supplier<Path> downloads;
    private final Executor fx;
    private FileTransfers http;
    private final ObservableList<Transfer> transfers = FXCollections.observableArrayList();
    /// One view, kept: a view made per call would listen weakly and be collected with its listeners.
    private final ObservableList<Transfer> shown = FXCollections.unmodifiableObservableList(transfers);

    /// `downloads`: where downloads go; `fx` hands reports to the FX thread (`Platform::runLater`).
    public SharedFiles(ParleyClient client, Path downloads, Executor fx) {
        this(client, () -> downloads, fx);
    }

    /// With the Downloads folder found when a download starts ([DownloadFolder#of()] in the
    /// app), on the transfer's thread since it reads the disk.
    public SharedFiles(ParleyClient client, java.util.function.Supplier<Path> downloads, Executor fx) {
        this.client = client;
        this.downloads = downloads;
        this.fx = fx;
    }

    /// Uploads each file and shares it in `conversation` (a room, or `@name` for a private
    /// conversation, see [Line#privateWith]); one transfer each.
    public List<Transfer> share(String conversation, List<Path> files) {
        return files.stream().map(file -> track(new Transfer(file.getFileName().toString(), Transfer.Direction.UPLOAD,
                reporter -> upload(conversation, file, reporter), fx))).toList();
    }

    /// Downloads a shared file into the Downloads folder under a name no other file has.
    public Transfer download(Message.FileInfo file) {
        return download(file, null);
    }

    /// Downloads a shared file to `target` (chosen in a Save dialog, which asked before
    /// replacing), or into the Downloads folder when `target` is null.
    public Transfer download(Message.FileInfo file, Path target) {
        return track(new Transfer(file.name(), Transfer.Direction.DOWNLOAD, reporter -> fetch(file, target, reporter), fx));
    }

    /// The transfers running, waiting or failed; a finished or cancelled one leaves the list.
    public ObservableList<Transfer> transfers() {
        return shown;
    }

    /// Takes a failed transfer off the list.
    public void dismiss(Transfer transfer) {
        transfer.cancel();
        transfers.remove(transfer);
    }

    /// The connection is over: every transfer stops (what was moved stays for another time).
    public void close() {
        List.copyOf(transfers).forEach(Transfer::cancel);
        transfers.clear();
    }

    /// The server's transfers: one HTTP client for every transfer and picture of this
    /// connection, made on first use. Any thread.
    public synchronized FileTransfers http() {
        if (http == null) {
            http = client.files();
        }
        return http;
    }

    private Transfer track(Transfer transfer) {
        transfers.add(transfer);
        transfer.stateProperty().addListener((obs, old, now) -> {
            if (now == Transfer.State.DONE || now == Transfer.State.CANCELLED) {
                transfers.remove(transfer);
            } else if (!transfers.contains(transfer)) {
                transfers.add(transfer); // retried after a cancel
            }
        });
        return transfer.start();
    }

    private Path upload(String conversation, Path file, Transfer.Reporter reporter) throws IOException, InterruptedException {
        long size = Files.size(file);
        var sha = FileTransfers.sha256(file);
        var uploads = connected(reporter);
        if (size > uploads.maxBytes()) {
            throw new IOException("the file (" + Sizes.bytes(size) + ") is larger than the server accepts ("
                    + Sizes.bytes(uploads.maxBytes()) + ")");
        }
        var http = http();
        for (int sameConnection = 0; ; ) {
            try {
                http.upload(file, sha, uploads.token(), reporter);
                break;
            } catch (IOException cut) {
                // A cut connection takes the token with it: continue once connected again, from
                // where the server's copy stops. A refusal, or failures while the chat connection
                // stays up, are not a cut: they are final.
                if (cut instanceof FileTransfers.RefusedException refused && refused.status() != 401) {
                    throw cut;
                }
                reporter.waiting();
                Thread.sleep(WAIT_STEP.multipliedBy(5));
                var next = connected(reporter);
                if (next == uploads && ++sameConnection >= MAX_TRIES_ON_ONE_CONNECTION) {
                    throw cut;
                }
                uploads = next;
            }
        }
        var name = file.getFileName().toString();
        var shared = new Message.FileInfo(sha, name, null, mime(name), null, null, null, null);
        if (Line.isPrivate(conversation)) {
            client.shareWith(conversation.substring(1), shared, "");
        } else {
            client.shareInRoom(conversation, shared, "");
        }
        return file;
    }

    /// The current connection's upload permission, waiting (interruptibly) for one.
    private Message.FileUploads connected(Transfer.Reporter reporter) throws InterruptedException, IOException {
        var uploads = client.fileUploads();
        if (uploads == null && client.state() == dev.parley.client.ConnectionState.CONNECTED) {
            throw new IOException("this server does not take files");
        }
        if (uploads == null) {
            reporter.waiting();
        }
        while (uploads == null) {
            Thread.sleep(WAIT_STEP);
            uploads = client.fileUploads();
        }
        return uploads;
    }

    private Path fetch(Message.FileInfo file, Path target, Transfer.Reporter reporter) throws IOException, InterruptedException {
        if (file.url() == null) {
            throw new IOException("the server has not shared this file yet");
        }
        var folder = target != null ? target.toAbsolutePath().getParent() : downloads.get();
        Files.createDirectories(folder);
        // Under a hidden name of its own until complete: a Retry continues it, nobody opens half a file.
        var part = folder.resolve("." + file.sha256().substring(0, 16) + ".parley-part");
        http().download(file.url(), part, reporter);
        if (target != null) {
            return Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
        }
        while (true) {
            try {
                return Files.move(part, DownloadFolder.unusedName(folder, file.name()));
            } catch (FileAlreadyExistsException taken) {
                // Another program took that name between the look and the move: the next one.
            }
        }
    }

    /// What the server checks anyway; it lets the page and the window show pictures at once.
    static String mime(String name) {
        var lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".png")) {
            return "image/png";
        }
        if (lower.endsWith(".jpg") || lower.endsWith(".jpeg")) {
            return "image/jpeg";
        }
        if (lower.endsWith(".gif")) {
            return "image/gif";
        }
        if (lower.endsWith(".webp")) {
            return "image/webp";
        }
        return null;
    }
}
