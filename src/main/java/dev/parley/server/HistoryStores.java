package dev.parley.server;

import dev.parley.server.history.SqliteClaimRecords;
import dev.parley.server.history.SqliteHistoryStore;
import dev.parley.server.history.HistoryStore;
import java.io.IOException;
import java.nio.file.Files;

/// The one place that chooses where a server keeps its history.
public final class HistoryStores {

    /// The history file inside the data folder.
    public static final String FILE_NAME = "history.db";

    private HistoryStores() {}

    /// SQLite in `dataDir/history.db` when the config has a data folder, memory otherwise.
    /// What the SQLite store had to do at startup (a damaged file moved aside) goes to `log`.
    public static HistoryStore open(ServerConfig config, ServerLog log) throws IOException {
        int retention = config.limits().historyRetention();
        if (config.dataDir() == null) {
            return new MemoryHistoryStore(retention, config.limits().maxStoredMessages());
        }
        Files.createDirectories(config.dataDir());
        var store = SqliteHistoryStore.open(config.dataDir().resolve(FILE_NAME), retention,
                config.limits().maxStoredMessages());
        store.startupNotice().ifPresent(log::log);
        return store;
    }

    /// Name claims beside the history: in its SQLite file, or in memory with a memory store.
    static NameClaims.ClaimRecords claimRecords(HistoryStore store) {
        if (!(store instanceof SqliteHistoryStore sqlite)) {
            return new MemoryClaimRecords();
        }
        var rows = SqliteClaimRecords.open(sqlite.file());
        return new NameClaims.ClaimRecords() {
            @Override
            public NameClaims.Claim get(String nameKey) {
                var row = rows.get(nameKey);
                return row == null ? null : new NameClaims.Claim(row.name(), row.salt(), row.hash(), row.lastUsedMs());
            }

            @Override
            public void put(String nameKey, NameClaims.Claim claim) {
                rows.put(nameKey, new SqliteClaimRecords.Row(claim.name(), claim.salt(), claim.hash(), claim.lastUsedMs()));
            }

            @Override
            public void touch(String nameKey, long lastUsedMs) {
                rows.touch(nameKey, lastUsedMs);
            }

            @Override
            public void close() {
                rows.close();
            }
        };
    }
}
