package dev.parley.server.files;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.server.HistoryStores;
import dev.parley.server.ServerConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/// Where shared files live: in the data folder by content, owner-only, in a temporary folder
/// removed at stop without one; and a history file of the version before files still opens.
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FileStorageTest {

    @TempDir
    Path temp;

    @Test
    void aHistoryFromBeforeFilesOpensKeepsItsMessagesAndSharesFiles() throws SQLException {
        var data = temp.resolve("data");
        previousVersionHistory(data.resolve(HistoryStores.FILE_NAME));
        var content = Sharing.random(1_000);
        var sha = Sharing.sha256(content);
        var config = ServerConfig.forTests().withDataDir(data);
        try (var server = Sharing.start(config, FileLimits.DEFAULTS)) {
            var alice = dev.parley.server.WsClient.connect(server.localUri(), "clientId=alice", java.util.Map.of(), true);
            var token = alice.payload("welcome").getAsJsonObject("files").get("token").getAsString();
            var history = alice.payload("history").getAsJsonArray("messages");
            assertThat(history).hasSize(1);
            assertThat(history.get(0).getAsJsonObject().get("text").getAsString()).isEqualTo("from the old version");
            Sharing.put(server, sha, token, content);
            alice.send("{\"type\":\"chat\",\"payload\":{\"cid\":\"f\",\"file\":{\"sha256\":\"" + sha + "\",\"name\":\"n.bin\"}}}");
            assertThat(alice.payload("chat").get("seq").getAsLong()).isEqualTo(2);
            alice.close();
        }
        try (var server = Sharing.start(config, FileLimits.DEFAULTS)) {
            var bob = dev.parley.server.WsClient.connect(server.localUri(), "clientId=bob", java.util.Map.of(), true);
            var history = bob.payload("history").getAsJsonArray("messages");
            assertThat(history).hasSize(2);
            var url = history.get(1).getAsJsonObject().getAsJsonObject("file").get("url").getAsString();
            assertThat(Sharing.get(server, url).body()).isEqualTo(content);
            bob.close();
        }
    }

    @Test
    void filesAreStoredByContentAndOwnerOnly() throws IOException {
        var content = Sharing.random(1_000);
        var sha = Sharing.sha256(content);
        var data = temp.resolve("data");
        try (var server = Sharing.start(ServerConfig.forTests().withDataDir(data), FileLimits.DEFAULTS);
             var alice = Sharing.join(server, "alice")) {
            Sharing.put(server, sha, alice.token(), content);
            alice.share(sha, "../../etc/passwd", "c1");
        }
        var files = data.resolve("files");
        assertThat(Files.readAllBytes(files.resolve("blobs").resolve(sha))).isEqualTo(content);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(files))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(files.resolve("blobs").resolve(sha))))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(files.resolve("secret")))).isEqualTo("rw-------");
        try (var walk = Files.walk(temp)) {
            assertThat(walk.map(path -> path.getFileName().toString())).doesNotContain("passwd");
        }
    }

    @Test
    void withoutADataFolderFilesLiveInATemporaryFolderRemovedAtStop() throws IOException {
        var before = temporaryFolders();
        var content = Sharing.random(1_000);
        Set<Path> made;
        try (var server = Sharing.start(); var alice = Sharing.join(server, "alice")) {
            Sharing.put(server, Sharing.sha256(content), alice.token(), content);
            made = temporaryFolders();
            made.removeAll(before);
            assertThat(made).hasSize(1);
            assertThat(made.iterator().next().resolve("blobs").resolve(Sharing.sha256(content))).exists();
        }
        assertThat(made.iterator().next()).doesNotExist();
    }

    private static Set<Path> temporaryFolders() throws IOException {
        try (var list = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return list.filter(path -> path.getFileName().toString().startsWith("parley-files-")).collect(Collectors.toSet());
        }
    }

    /// `history.db` as the version before shared files made it (schema version 2, no `file` column).
    private static void previousVersionHistory(Path file) throws SQLException {
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        try (var connection = DriverManager.getConnection("jdbc:sqlite:" + file); var statement = connection.createStatement()) {
            statement.execute("""
                    CREATE TABLE messages (id INTEGER PRIMARY KEY, room TEXT NOT NULL, seq INTEGER NOT NULL,
                        sender TEXT NOT NULL, text TEXT NOT NULL, time_ms INTEGER NOT NULL, cid TEXT, UNIQUE (room, seq))""");
            statement.execute("CREATE INDEX messages_cid ON messages(cid) WHERE cid IS NOT NULL");
            statement.execute("CREATE VIRTUAL TABLE messages_fts USING fts5(text, content='messages', content_rowid='id', tokenize='trigram')");
            statement.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)");
            statement.execute("INSERT INTO meta VALUES ('epoch', 'old'), ('fts_indexed_through', '0')");
            statement.execute("INSERT INTO messages(room, seq, sender, text, time_ms) VALUES ('lobby', 1, 'zed', 'from the old version', 1700000000000)");
            statement.execute("PRAGMA user_version = 2");
        }
    }
}
