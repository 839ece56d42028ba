package dev.parley.discovery;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/// Announces a running server on the LAN and keeps the announcement's member count and room
/// list current by asking the server every few seconds (two cheap reads; the announcer sends
/// nothing when the values did not change). Used by the window and by `--headless`, which hand
/// it what to read from their server. [#start] and [#close] block for about two seconds: never
/// on the FX thread.
public final class HostAnnouncer implements AutoCloseable {

    static final long REFRESH_SECONDS = 3;

    private final RoomAnnouncer announcer;
    private final IntSupplier members;
    private final Supplier<List<String>> rooms;
    private final ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("parley-announce-refresh").factory());

    private HostAnnouncer(RoomAnnouncer announcer, IntSupplier members, Supplier<List<String>> rooms) {
        this.announcer = announcer;
        this.members = members;
        this.rooms = rooms;
        refresher.scheduleWithFixedDelay(this::refresh, REFRESH_SECONDS, REFRESH_SECONDS, TimeUnit.SECONDS);
    }

    /// Starts announcing `room`, its members and rooms read from `members` and `rooms` now and at
    /// every refresh.
    public static HostAnnouncer start(AnnouncedRoom room, IntSupplier members, Supplier<List<String>> rooms) {
        var current = room.withMembers(members.getAsInt()).withRooms(rooms.get());
        return new HostAnnouncer(RoomAnnouncer.start(current), members, rooms);
    }

    /// Sends the current members count and rooms if they changed.
    public void refresh() {
        try {
            announcer.update(announcer.room().withMembers(members.getAsInt()).withRooms(rooms.get()));
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
