package dev.parley.server;

/// The one place that chooses where a server keeps its history.
public final class HistoryStores {

    private HistoryStores() {}

    /// In memory without a data folder. With one, the SQLite store belongs here once it is merged
    /// (`history` branch); until then history stays in memory as well.
    public static HistoryStore open(ServerConfig config) {
        return new MemoryHistoryStore(config.limits().historyRetention());
    }
}
