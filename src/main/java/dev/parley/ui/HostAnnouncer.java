package dev.parley.ui;

import dev.parley.discovery.AnnouncedRoom;
import dev.parley.discovery.RoomAnnouncer;
import dev.parley.server.ParleyServer;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/// Announces a running [ParleyServer] on the LAN and keeps the announcement's member count and
/// room list current by looking at the server every few seconds (two cheap reads; the
/// announcer sends nothing when the values did not change). No JavaFX: the headless server
/// uses it too. [#start] and [#close] block for about two seconds: never on the FX thread.
public final class HostAnnouncer implements AutoCloseable {

    static final long REFRESH_SECONDS = 3;

    private final ParleyServer server;
    private final RoomAnnouncer announcer;
    private final ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("parley-announce-refresh").factory());

    private HostAnnouncer(ParleyServer server, RoomAnnouncer announcer) {
        this.server = server;
        this.announcer = announcer;
        refresher.scheduleWithFixedDelay(this::refresh, REFRESH_SECONDS, REFRESH_SECONDS, TimeUnit.SECONDS);
    }

    /// Starts announcing `server` as `serverName`; `passwordProtected` shows a lock to joiners.
    public static HostAnnouncer start(ParleyServer server, String serverName, boolean passwordProtected) {
        return new HostAnnouncer(server, RoomAnnouncer.start(announcement(server, serverName, passwordProtected)));
    }

    static AnnouncedRoom announcement(ParleyServer server, String serverName, boolean passwordProtected) {
        return new AnnouncedRoom(serverName, server.port(), server.roomNames(), server.stats().connections(),
                passwordProtected, server.fingerprint() != null, server.fingerprint() == null ? "" : server.fingerprint());
    }

    /// Sends the current members count and rooms if they changed.
    public void refresh() {
        try {
            announcer.update(announcer.room().withMembers(server.stats().connections()).withRooms(server.roomNames()));
        } catch (RuntimeException failed) {
            // A failed refresh must not end the schedule; the next one tries again.
            System.getLogger(HostAnnouncer.class.getName()).log(System.Logger.Level.WARNING, "announcement not refreshed", failed);
        }
    }

    /// The interfaces announced on; empty when there is none (or discovery is switched off).
    public List<String> interfaces() {
        return announcer.interfaces();
    }

    public AnnouncedRoom room() {
        return announcer.room();
    }

    /// Withdraws the announcement. Safe to call twice.
    @Override
    public void close() {
        refresher.shutdownNow();
        announcer.close();
    }
}
