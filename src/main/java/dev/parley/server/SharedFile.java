package dev.parley.server;

import dev.parley.protocol.Message.FileInfo;

/// The marker [Requests] uses for "a file the server does not hold (already refused)".
final class SharedFile {

    static final FileInfo UNKNOWN = new FileInfo("", "", null, null, null, null, null, null);

    private SharedFile() {}
}
