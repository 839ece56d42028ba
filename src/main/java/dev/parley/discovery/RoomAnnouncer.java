package dev.parley.discovery;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import javax.jmdns.JmDNS;
import javax.jmdns.ServiceInfo;

/// Announces a hosted room over DNS-SD/mDNS (`_parley._tcp.local.`) on every suitable
/// interface, until [#close] withdraws it (a "goodbye" with TTL 0, so browsers drop it at once
/// instead of after the record's lifetime).
///
/// [#start] blocks for about two seconds (mDNS probes for a unique name before announcing):
/// call it off the FX thread. Nothing here looks up a host name or reaches beyond the LAN.
public final class RoomAnnouncer implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(RoomAnnouncer.class.getName());

    private record Registration(String interfaceName, JmDNS jmdns, ServiceInfo info) {}

    private final List<Registration> registrations;
    private AnnouncedRoom room;
    private boolean closed;

    private RoomAnnouncer(AnnouncedRoom room, List<Registration> registrations) {
        this.room = room;
        this.registrations = registrations;
    }

    /// Starts announcing `room` on every up, non-loopback, multicast-capable interface. An
    /// interface where mDNS cannot start is skipped (and logged); with none at all the
    /// announcer simply announces nowhere: see [#interfaces].
    public static RoomAnnouncer start(AnnouncedRoom room) {
        var hostName = "parley-" + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 16);
        var pending = new ArrayList<Future<Registration>>();
        // Probing takes ~2 s per interface; do the interfaces side by side.
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (var local : Interfaces.suitable()) {
                pending.add(executor.submit(() -> register(local, hostName, room)));
            }
        }
        var started = new ArrayList<Registration>();
        for (var future : pending) {
            try {
                started.add(future.get());
            } catch (ExecutionException failed) {
                LOG.log(Level.WARNING, "cannot announce: " + failed.getCause());
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        return new RoomAnnouncer(room, started);
    }

    private static Registration register(Interfaces.Local local, String hostName, AnnouncedRoom room) throws IOException {
        // A named address and an explicit host name: otherwise JmDNS asks DNS for a reverse lookup.
        var jmdns = JmDNS.create(Interfaces.named(local.address(), hostName), hostName);
        try {
            var info = serviceInfo(room);
            jmdns.registerService(info);
            return new Registration(local.interfaceName(), jmdns, info);
        } catch (IOException | RuntimeException failed) {
            jmdns.close();
            throw new IOException(local.interfaceName() + ": " + failed.getMessage(), failed);
        }
    }

    /// Announces new values (members, rooms, …). A new name or port re-registers the service.
    public synchronized void update(AnnouncedRoom newRoom) {
        if (closed || newRoom.equals(room)) {
            return;
        }
        var reRegister = newRoom.port() != room.port() || !ServiceTxt.instanceName(newRoom).equals(ServiceTxt.instanceName(room));
        for (int i = 0; i < registrations.size(); i++) {
            var registration = registrations.get(i);
            if (reRegister) {
                registration.jmdns().unregisterService(registration.info());
                var info = serviceInfo(newRoom);
                try {
                    registration.jmdns().registerService(info);
                } catch (IOException failed) {
                    LOG.log(Level.WARNING, "cannot re-announce on " + registration.interfaceName() + ": " + failed);
                }
                registrations.set(i, new Registration(registration.interfaceName(), registration.jmdns(), info));
            } else {
                // JmDNS re-announces the TXT record (with cache-flush) once the service is announced.
                registration.info().setText(ServiceTxt.encode(newRoom));
            }
        }
        room = newRoom;
    }

    /// The interfaces this announcer is announcing on, e.g. `[eth0, wlan0]`.
    public synchronized List<String> interfaces() {
        return registrations.stream().map(Registration::interfaceName).toList();
    }

    public synchronized AnnouncedRoom room() {
        return room;
    }

    /// Withdraws the announcement everywhere and stops mDNS. Safe to call twice.
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        // JmDNS's close sends the goodbyes itself and waits for them (~2 s); interfaces side by side.
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (var registration : registrations) {
                executor.submit(() -> {
                    try {
                        registration.jmdns().close();
                    } catch (IOException | RuntimeException failed) {
                        LOG.log(Level.DEBUG, "closing mDNS on " + registration.interfaceName(), failed);
                    }
                });
            }
        }
    }

    private static ServiceInfo serviceInfo(AnnouncedRoom room) {
        return ServiceInfo.create(ServiceTxt.SERVICE_TYPE, ServiceTxt.instanceName(room), room.port(), 0, 0, ServiceTxt.encode(room));
    }
}
