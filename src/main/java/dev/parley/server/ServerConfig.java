package dev.parley.server;

import dev.parley.protocol.Limits;
import dev.parley.protocol.Names;
import dev.parley.server.files.FileLimits;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/// How to run a server. `bindAddress` null means every interface; `port` 0 picks a free one
/// (tests); `password` null or blank means an open room; `dataDir` null keeps history in memory.
/// `allowedOrigins` lists extra browser origins allowed to connect (`*` allows all). `tls` serves
/// `wss://`/`https://` with a self-signed certificate kept in `dataDir/tls` (in memory without one).
/// `http` guards the HTTP side: extra host names (`--allow-host`) and the idle limit before an upgrade.
/// A claimed name is released after `nameClaimKeep` unused (`--name-claim-days`), as told by
/// `clock`; shared files follow `files` (`--max-file-bytes`, `--max-files-bytes`).
public record ServerConfig(String bindAddress, int port, String password, Path dataDir, Limits limits,
                           List<String> allowedOrigins, String defaultRoom, String serverName, boolean tls,
                           HttpGuards http, Clock clock, Duration nameClaimKeep, FileLimits files) {

    public static final int DEFAULT_PORT = 3001;

    public ServerConfig {
        limits = limits == null ? Limits.DEFAULTS : limits;
        allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
        defaultRoom = defaultRoom == null ? Names.DEFAULT_ROOM : defaultRoom;
        serverName = serverName == null ? "Parley" : serverName;
        password = password == null || password.isEmpty() ? null : password;
        http = http == null ? HttpGuards.DEFAULTS : http;
        clock = clock == null ? Clock.systemUTC() : clock;
        nameClaimKeep = nameClaimKeep == null ? NameClaims.DEFAULT_KEEP : nameClaimKeep;
        files = files == null ? FileLimits.DEFAULTS : files;
    }

    /// Loopback, a free port, in-memory history, default limits: what tests start.
    public static ServerConfig forTests() {
        return new ServerConfig("127.0.0.1", 0, null, null, Limits.DEFAULTS, List.of(), null, null);
    }

    public ServerConfig withPort(int newPort) {
        return new ServerConfig(bindAddress, newPort, password, dataDir, limits, allowedOrigins, defaultRoom, serverName, tls, http,
                clock, nameClaimKeep, files);
    }

    public ServerConfig withPassword(String newPassword) {
        return new ServerConfig(bindAddress, port, newPassword, dataDir, limits, allowedOrigins, defaultRoom, serverName, tls, http,
                clock, nameClaimKeep, files);
    }

    public ServerConfig withDataDir(Path newDataDir) {
        return new ServerConfig(bindAddress, port, password, newDataDir, limits, allowedOrigins, defaultRoom, serverName, tls, http,
                clock, nameClaimKeep, files);
    }

    public ServerConfig withLimits(Limits newLimits) {
        return new ServerConfig(bindAddress, port, password, dataDir, newLimits, allowedOrigins, defaultRoom, serverName, tls, http,
                clock, nameClaimKeep, files);
    }

    public ServerConfig withAllowedOrigins(List<String> origins) {
        return new ServerConfig(bindAddress, port, password, dataDir, limits, origins, defaultRoom, serverName, tls, http,
                clock, nameClaimKeep, files);
    }

    public ServerConfig withBindAddress(String address) {
        return new ServerConfig(address, port, password, dataDir, limits, allowedOrigins, defaultRoom, serverName, tls, http,
                clock, nameClaimKeep, files);
    }

    /// Without TLS (the constructor before the `tls` option).
    public ServerConfig(String bindAddress, int port, String password, Path dataDir, Limits limits,
                        List<String> allowedOrigins, String defaultRoom, String serverName) {
        this(bindAddress, port, password, dataDir, limits, allowedOrigins, defaultRoom, serverName, false, null, null, null, null);
    }

    public ServerConfig withTls(boolean on) {
        return new ServerConfig(bindAddress, port, password, dataDir, limits, allowedOrigins, defaultRoom, serverName, on, http,
                clock, nameClaimKeep, files);
    }

    public ServerConfig withHttp(HttpGuards guards) {
        return new ServerConfig(bindAddress, port, password, dataDir, limits, allowedOrigins, defaultRoom, serverName, tls, guards,
                clock, nameClaimKeep, files);
    }

    public ServerConfig withClock(Clock newClock) {
        return new ServerConfig(bindAddress, port, password, dataDir, limits, allowedOrigins, defaultRoom, serverName, tls, http,
                newClock, nameClaimKeep, files);
    }

    public ServerConfig withNameClaimKeep(Duration keep) {
        return new ServerConfig(bindAddress, port, password, dataDir, limits, allowedOrigins, defaultRoom, serverName, tls, http,
                clock, keep, files);
    }

    public ServerConfig withFileLimits(FileLimits newFiles) {
        return new ServerConfig(bindAddress, port, password, dataDir, limits, allowedOrigins, defaultRoom, serverName, tls, http,
                clock, nameClaimKeep, newFiles);
    }
}
