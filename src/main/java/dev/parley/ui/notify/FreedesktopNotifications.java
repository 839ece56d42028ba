package dev.parley.ui.notify;

import java.util.List;
import java.util.Map;
import org.freedesktop.dbus.annotations.DBusInterfaceName;
import org.freedesktop.dbus.exceptions.DBusException;
import org.freedesktop.dbus.interfaces.DBusInterface;
import org.freedesktop.dbus.messages.DBusSignal;
import org.freedesktop.dbus.types.UInt32;
import org.freedesktop.dbus.types.Variant;

/// The part of the Desktop Notifications Specification's D-Bus interface that Parley uses
/// (`org.freedesktop.Notifications` at `/org/freedesktop/Notifications`). Method and signal
/// names are the specification's, so they keep its capitals. Public because dbus-java makes its
/// proxy and signal objects by reflection.
@DBusInterfaceName("org.freedesktop.Notifications")
public interface FreedesktopNotifications extends DBusInterface {

    String BUS_NAME = "org.freedesktop.Notifications";
    String OBJECT_PATH = "/org/freedesktop/Notifications";

    /// The default action's key: what a click on the notification itself invokes.
    String DEFAULT_ACTION = "default";

    List<String> GetCapabilities();

    UInt32 Notify(String appName, UInt32 replacesId, String appIcon, String summary, String body,
                  List<String> actions, Map<String, Variant<?>> hints, int expireTimeout);

    void CloseNotification(UInt32 id);

    /// The person invoked an action of notification `id` (`default`: clicked it).
    class ActionInvoked extends DBusSignal {
        private final UInt32 id;
        private final String actionKey;

        public ActionInvoked(String path, UInt32 id, String actionKey) throws DBusException {
            super(path, id, actionKey);
            this.id = id;
            this.actionKey = actionKey;
        }

        public long id() { return id.longValue(); }
        public String actionKey() { return actionKey; }
    }

    /// Notification `id` went away (expired, dismissed, closed); `reason` as the specification numbers it.
    class NotificationClosed extends DBusSignal {
        private final UInt32 id;
        private final UInt32 reason;

        public NotificationClosed(String path, UInt32 id, UInt32 reason) throws DBusException {
            super(path, id, reason);
            this.id = id;
            this.reason = reason;
        }

        public long id() { return id.longValue(); }
        public long reason() { return reason.longValue(); }
    }
}
