package dev.parley.discovery;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import javax.jmdns.JmDNS;
import javax.jmdns.ServiceEvent;
import javax.jmdns.ServiceInfo;
import javax.jmdns.ServiceListener;

/// Finds Parley hosts on the LAN (`_parley._tcp.local.`) on every suitable interface and tells
/// a [DiscoveryListener] live as they appear, change and go away. A host seen through two
/// interfaces is one room, lost when the last interface loses it. No JavaFX here: the UI
/// adapts the listener to its own thread.
public final class RoomBrowser implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(RoomBrowser.class.getName());

    private record Browsing(String interfaceName, JmDNS jmdns, ServiceListener listener) {}

    private record Seen(DiscoveredRoom room, Set<String> interfaces) {}

    private final DiscoveryListener listener;
    private final List<Browsing> browsings = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, Seen> seen = new LinkedHashMap<>();
    private boolean closed;

    private RoomBrowser(DiscoveryListener listener) {
        this.listener = listener;
    }

    /// Starts browsing; returns at once; rooms arrive at `listener` as they are found.
    public static RoomBrowser start(DiscoveryListener listener) {
        var browser = new RoomBrowser(listener);
        var hostName = "parley-browser-" + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 16);
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (var local : Interfaces.suitable()) {
                executor.submit(() -> browser.browse(local, hostName));
            }
        }
        return browser;
    }

    private void browse(Interfaces.Local local, String hostName) {
        try {
            // A named address and an explicit host name: otherwise JmDNS asks DNS for a reverse lookup.
            var jmdns = JmDNS.create(Interfaces.named(local.address(), hostName), hostName);
            var serviceListener = new OnInterface(local.interfaceName());
            browsings.add(new Browsing(local.interfaceName(), jmdns, serviceListener));
            jmdns.addServiceListener(ServiceTxt.SERVICE_TYPE, serviceListener);
        } catch (IOException | RuntimeException failed) {
            LOG.log(Level.WARNING, "cannot browse on " + local.interfaceName() + ": " + failed);
        }
    }

    /// The rooms known right now.
    public synchronized List<DiscoveredRoom> rooms() {
        return seen.values().stream().map(Seen::room).toList();
    }

    /// The interfaces browsed on.
    public List<String> interfaces() {
        synchronized (browsings) {
            return browsings.stream().map(Browsing::interfaceName).toList();
        }
    }

    /// Stops browsing; the listener hears nothing more. Safe to call twice.
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        List<Browsing> all;
        synchronized (browsings) {
            all = List.copyOf(browsings);
        }
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            for (var browsing : all) {
                executor.submit(() -> {
                    browsing.jmdns().removeServiceListener(ServiceTxt.SERVICE_TYPE, browsing.listener());
                    browsing.jmdns().close();
                    return null;
                });
            }
        }
    }

    private synchronized void resolved(String key, String interfaceName, DiscoveredRoom room) {
        if (closed) {
            return;
        }
        var before = seen.get(key);
        var interfaces = before == null ? new HashSet<String>() : before.interfaces();
        interfaces.add(interfaceName);
        seen.put(key, new Seen(room, interfaces));
        if (before == null) {
            listener.roomFound(room);
        } else if (!before.room().equals(room)) {
            listener.roomUpdated(room);
        }
    }

    private synchronized void removed(String key, String interfaceName) {
        var before = seen.get(key);
        if (closed || before == null || !before.interfaces().remove(interfaceName) || !before.interfaces().isEmpty()) {
            return;
        }
        seen.remove(key);
        listener.roomLost(before.room());
    }

    /// JmDNS's events on one interface.
    private final class OnInterface implements ServiceListener {
        private final String interfaceName;

        OnInterface(String interfaceName) {
            this.interfaceName = interfaceName;
        }

        @Override
        public void serviceAdded(ServiceEvent event) {
            // Asks for SRV/TXT/A; serviceResolved follows when they arrive.
            event.getDNS().requestServiceInfo(event.getType(), event.getName());
        }

        @Override
        public void serviceRemoved(ServiceEvent event) {
            removed(key(event), interfaceName);
        }

        @Override
        public void serviceResolved(ServiceEvent event) {
            var info = event.getInfo();
            var host = host(info);
            var txt = properties(info);
            // JmDNS may call this once SRV and address are in, before the TXT record: wait for it
            // (another serviceResolved follows) rather than report a room without its details.
            if (host != null && info.getPort() > 0 && txt.containsKey(ServiceTxt.KEY_VERSION)) {
                resolved(key(event), interfaceName, ServiceTxt.decode(info.getName(), host, info.getPort(), txt));
            }
        }
    }

    private static String key(ServiceEvent event) {
        return (event.getName() + "." + event.getType()).toLowerCase(Locale.ROOT);
    }

    /// A numeric address, IPv4 first; null while none is known yet.
    private static String host(ServiceInfo info) {
        var v4 = info.getInet4Addresses();
        if (v4.length > 0) {
            return v4[0].getHostAddress();
        }
        var v6 = info.getInet6Addresses();
        // Drop the zone ("%eth0"): java.net.URI cannot carry it.
        return v6.length > 0 ? v6[0].getHostAddress().replaceFirst("%.*", "") : null;
    }

    private static Map<String, String> properties(ServiceInfo info) {
        var result = new HashMap<String, String>();
        for (var names = info.getPropertyNames(); names.hasMoreElements(); ) {
            var name = names.nextElement();
            var value = info.getPropertyString(name);
            result.put(name, value == null ? "" : value);
        }
        return result;
    }
}
