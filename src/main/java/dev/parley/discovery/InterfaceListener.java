package dev.parley.discovery;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import javax.jmdns.ServiceEvent;
import javax.jmdns.ServiceInfo;
import javax.jmdns.ServiceListener;

/// JmDNS's events for `_parley._tcp` on one interface, passed on to [SeenRooms].
final class InterfaceListener implements ServiceListener {

    private final String interfaceName;
    private final SeenRooms rooms;

    InterfaceListener(String interfaceName, SeenRooms rooms) {
        this.interfaceName = interfaceName;
        this.rooms = rooms;
    }

    @Override
    public void serviceAdded(ServiceEvent event) {
        // Asks for SRV/TXT/A; serviceResolved follows when they arrive. The shortest timeout:
        // the two-argument form would hold JmDNS's event thread for up to 6 s.
        event.getDNS().requestServiceInfo(event.getType(), event.getName(), 1);
    }

    @Override
    public void serviceRemoved(ServiceEvent event) {
        rooms.removed(key(event.getName(), event.getType()), interfaceName);
    }

    @Override
    public void serviceResolved(ServiceEvent event) {
        var info = event.getInfo();
        var host = host(info);
        var txt = properties(info);
        // JmDNS calls this with SRV and address alone too, before and even after the TXT record:
        // report a room only with its details, or it would flap between empty and full.
        if (host != null && info.getPort() > 0 && txt.containsKey(ServiceTxt.KEY_VERSION)) {
            rooms.resolved(key(event.getName(), event.getType()), interfaceName,
                    ServiceTxt.decode(info.getName(), host, info.getPort(), txt));
        }
    }

    /// The key of [SeenRooms]: the full instance name, which DNS compares without case.
    static String key(String instanceName, String type) {
        return (instanceName + "." + type).toLowerCase(Locale.ROOT);
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
