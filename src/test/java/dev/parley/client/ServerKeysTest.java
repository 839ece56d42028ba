package dev.parley.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerKeysTest {

    @TempDir
    Path data;

    @Test
    void aKeyIsMadeOncePerServerAndKeptOwnerOnly() throws Exception {
        var file = data.resolve("server_keys");
        var one = new ServerKeys(file).keyFor(URI.create("ws://10.0.0.5:3001/ws"));
        assertThat(one).matches("[A-Za-z0-9_-]{43}");
        assertThat(new ServerKeys(file).keyFor(URI.create("ws://10.0.0.5:3001/ws?x=1"))).isEqualTo(one);
        assertThat(new ServerKeys(file).keyFor(URI.create("ws://10.0.0.6:3001/ws"))).isNotEqualTo(one);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }
}
