package dev.parley.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.client.KnownServers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/// What Parley keeps on disk (history and its WAL, the TLS key, pins) is its owner's alone:
/// folders 700, files 600, under the usual umask 022 and also when an earlier version left
/// them readable.
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class DataFolderModesTest {

    @TempDir
    Path temp;

    @BeforeEach
    void umaskLetsOthersRead() throws IOException {
        // The conditions of the report: files made the ordinary way are readable by others here.
        var probe = Files.createFile(temp.resolve("probe"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(probe))).isEqualTo("rw-r--r--");
        Files.delete(probe);
    }

    private static void assertOwnerOnly(Path data) throws IOException {
        try (Stream<Path> all = Files.walk(data)) {
            for (var path : all.toList()) {
                var mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
                assertThat(mode).as(data.relativize(path).toString()).isEqualTo(Files.isDirectory(path) ? "rwx------" : "rw-------");
            }
        }
    }

    @Test
    void aNewDataFolderIsOwnerOnly() throws Exception {
        var data = temp.resolve("parley");
        ParleyServer.start(ServerConfig.forTests().withDataDir(data).withTls(true)).stop(); // the TLS key
        try (var server = ParleyServer.start(ServerConfig.forTests().withDataDir(data))) {
            try (var member = WsClient.connect(server, "clientId=a")) {
                member.chat("stored");
                member.next("chat");
            }
            KnownServers.inFolder(data).remember(KnownServers.key(server.localUri()), "AB:".repeat(31) + "AB");
            try (Stream<Path> files = Files.list(data)) {
                assertThat(files.map(path -> path.getFileName().toString()))
                        .contains(HistoryStores.FILE_NAME, HistoryStores.FILE_NAME + "-wal", "tls", "known_servers");
            }
            assertOwnerOnly(data);
        }
    }

    @Test
    void aFolderMadeReadableBeforeIsTightenedOnStart() throws Exception {
        var data = temp.resolve("old");
        ParleyServer.start(ServerConfig.forTests().withDataDir(data).withTls(true)).stop();
        try (Stream<Path> all = Files.walk(data)) {
            for (var path : all.toList()) {
                Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(Files.isDirectory(path) ? "rwxr-xr-x" : "rw-r--r--"));
            }
        }
        ParleyServer.start(ServerConfig.forTests().withDataDir(data).withTls(true)).stop();
        assertOwnerOnly(data);
    }

    @Test
    void anExecutableKeepsItsOwnersBits() throws Exception {
        var tool = Files.writeString(temp.resolve("tool.sh"), "#!/bin/sh\n");
        Files.setPosixFilePermissions(tool, PosixFilePermissions.fromString("rwxr-xr-x"));
        dev.parley.protocol.OwnerOnly.tighten(temp);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tool))).isEqualTo("rwx------");
        assertThat(List.of(PosixFilePermissions.toString(Files.getPosixFilePermissions(temp)))).containsExactly("rwx------");
    }
}
