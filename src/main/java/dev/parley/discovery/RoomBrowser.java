package dev.parley.discovery;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import javax.jmdns.JmDNS;
import javax.jmdns.impl.DNSRecord;
import javax.jmdns.impl.JmDNSImpl;

/// Finds Parley hosts on the LAN (`_parley._tcp.local.`) on every suitable interface and tells
/// a [DiscoveryListener] live as they appear, change and go away. A host seen through two
/// interfaces is one room, lost when the last interface loses it. No JavaFX here: the UI
/// adapts the listener to its own thread.
public final class RoomBrowser implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(RoomBrowser.class.getName());

    private record Browsing(String interfaceName, JmDNS jmdns, InterfaceListener listener) {}

    private final SeenRooms rooms;
    private final List<Browsing> browsings = Collections.synchronizedList(new ArrayList<>());
    private final ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("parley-discovery-sweeper").factory());

    private RoomBrowser(DiscoveryListener listener) {
        this.rooms = new SeenRooms(listener);
    }

    /// Starts browsing and returns once mDNS listens on every interface (well under a second);
    /// rooms arrive at `listener` as they are found.
    public static RoomBrowser start(DiscoveryListener listener) {
        var browser = new RoomBrowser(listener);
        var hostName = "parley-browser-" + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 16);
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (var local : Interfaces.suitable()) {
                executor.submit(() -> browser.browse(local, hostName));
            }
        }
        browser.sweeper.scheduleWithFixedDelay(browser::sweep, 1, 1, TimeUnit.SECONDS);
        return browser;
    }

    private void browse(Interfaces.Local local, String hostName) {
        try {
            // A named address and an explicit host name: otherwise JmDNS asks DNS for a reverse lookup.
            var jmdns = JmDNS.create(Interfaces.named(local.address(), hostName), hostName);
            var listener = new InterfaceListener(local.interfaceName(), rooms);
            browsings.add(new Browsing(local.interfaceName(), jmdns, listener));
            jmdns.addServiceListener(ServiceTxt.SERVICE_TYPE, listener);
        } catch (IOException | RuntimeException failed) {
            LOG.log(Level.WARNING, "cannot browse on " + local.interfaceName() + ": " + failed);
        }
    }

    /// The rooms known right now.
    public List<DiscoveredRoom> rooms() {
        return rooms.rooms();
    }

    /// The interfaces browsed on.
    public List<String> interfaces() {
        return snapshot().stream().map(Browsing::interfaceName).toList();
    }

    /// Stops browsing; the listener hears nothing more. Safe to call twice.
    @Override
    public void close() {
        if (!rooms.close()) {
            return;
        }
        sweeper.shutdownNow();
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (var browsing : snapshot()) {
                executor.submit(() -> {
                    browsing.jmdns().removeServiceListener(ServiceTxt.SERVICE_TYPE, browsing.listener());
                    browsing.jmdns().close();
                    return null;
                });
            }
        }
    }

    /// JmDNS keeps a "goodbye" (TTL 0) record for 1 s and then leaves it to a reaper that runs
    /// only every 10 s before it reports the service removed. Looking at its cache every second
    /// reports a withdrawn room within about 2 s instead.
    private void sweep() {
        try {
            long now = System.currentTimeMillis();
            for (var browsing : snapshot()) {
                if (browsing.jmdns() instanceof JmDNSImpl impl) {
                    var live = new HashSet<String>();
                    for (var entry : impl.getCache().getDNSEntryList(ServiceTxt.SERVICE_TYPE)) {
                        if (entry instanceof DNSRecord.Pointer pointer && !pointer.isExpired(now)) {
                            live.add(pointer.getAlias().toLowerCase(Locale.ROOT));
                        }
                    }
                    rooms.keysSeenOn(browsing.interfaceName()).stream().filter(key -> !live.contains(key))
                            .forEach(key -> rooms.removed(key, browsing.interfaceName()));
                }
            }
        } catch (RuntimeException unexpected) {
            // A failed sweep must not end the schedule; JmDNS's reaper still reports removals.
            LOG.log(Level.WARNING, "discovery sweep failed", unexpected);
        }
    }

    private List<Browsing> snapshot() {
        synchronized (browsings) {
            return List.copyOf(browsings);
        }
    }
}
