package dev.parley.ui.notify;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.freedesktop.dbus.connections.impl.DBusConnection;
import org.freedesktop.dbus.connections.impl.DBusConnectionBuilder;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.exceptions.DBusExecutionException;
import org.freedesktop.dbus.types.UInt32;
import org.freedesktop.dbus.types.Variant;

/// Linux: notifications through the desktop's notification service (GNOME Shell, KDE Plasma,
/// dunst, mako…) over the D-Bus session bus. A click on a notification (its default action)
/// reports the conversation it was about.
public final class DbusNotifier implements DesktopNotifier {

    private static final System.Logger LOG = System.getLogger(DbusNotifier.class.getName());

    /// Notifications still on screen, to know which conversation a click is about; a service that
    /// never reports closing them cannot make this grow past a screenful.
    private static final int REMEMBERED = 64;

    private final DBusConnection connection;
    private final FreedesktopNotifications service;
    private final String describe;
    private final Map<Long, String> open = Collections.synchronizedMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, String> eldest) {
            return size() > REMEMBERED;
        }
    });
    private volatile Consumer<String> clicked = conversation -> { };

    private DbusNotifier(DBusConnection connection, List<String> capabilities) throws DBusException {
        this.connection = connection;
        this.service = connection.getRemoteObject(FreedesktopNotifications.BUS_NAME,
                FreedesktopNotifications.OBJECT_PATH, FreedesktopNotifications.class);
        this.describe = "D-Bus " + FreedesktopNotifications.BUS_NAME + " " + capabilities;
        connection.addSigHandler(FreedesktopNotifications.ActionInvoked.class, signal -> {
            var conversation = open.get(signal.id());
            if (conversation != null && FreedesktopNotifications.DEFAULT_ACTION.equals(signal.actionKey())) {
                clicked.accept(conversation);
            }
        });
        connection.addSigHandler(FreedesktopNotifications.NotificationClosed.class, signal -> open.remove(signal.id()));
    }

    /// The notifier of the person's session bus (`DBUS_SESSION_BUS_ADDRESS`).
    public static DbusNotifier sessionBus() throws DBusException {
        return connect(DBusConnectionBuilder.forSessionBus());
    }

    /// The notifier of the bus at `address` (`unix:path=…`), for a bus of one's own.
    public static DbusNotifier atAddress(String address) throws DBusException {
        return connect(DBusConnectionBuilder.forAddress(address));
    }

    private static DbusNotifier connect(DBusConnectionBuilder builder) throws DBusException {
        var connection = builder.withShared(false).build();
        try {
            // Asking for the capabilities starts a service that is activated on demand, and fails
            // at once when the desktop has none: then the caller falls back.
            var probe = connection.getRemoteObject(FreedesktopNotifications.BUS_NAME,
                    FreedesktopNotifications.OBJECT_PATH, FreedesktopNotifications.class);
            return new DbusNotifier(connection, probe.GetCapabilities());
        } catch (DBusException | RuntimeException e) {
            connection.disconnect();
            throw e instanceof DBusException d ? d : new DBusException("no notification service: " + e.getMessage(), e);
        }
    }

    @Override
    public long show(String title, String body, String conversation) {
        try {
            var hints = Map.<String, Variant<?>>of("category", new Variant<>("im.received"));
            // The default action makes the notification clickable; its label shows where a
            // service lists actions as buttons.
            var id = service.Notify("Parley", new UInt32(0), "", title, body,
                    List.of(FreedesktopNotifications.DEFAULT_ACTION, title), hints, -1).longValue();
            open.put(id, conversation);
            return id;
        } catch (DBusExecutionException | IllegalStateException e) {
            // The service went away (the desktop restarted it): this one is lost, the chat goes on.
            LOG.log(System.Logger.Level.WARNING, "notification not shown: " + e.getMessage());
            return 0;
        }
    }

    @Override
    public void onClick(Consumer<String> clicked) {
        this.clicked = clicked;
    }

    @Override
    public String describe() {
        return describe;
    }

    @Override
    public void close() {
        connection.disconnect();
    }
}
