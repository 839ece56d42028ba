package dev.parley.ui.text;

import java.net.URI;
import javafx.application.HostServices;

/// Opens a web address from a message in the person's browser. The app hands in JavaFX's
/// [HostServices]; a test hands in its own to see what a click asked for.
@FunctionalInterface
public interface LinkOpener {

    void open(URI address);

    /// Through the desktop's default browser, as the running application knows it.
    static LinkOpener hostServices(HostServices services) {
        return address -> services.showDocument(address.toString());
    }

    /// Where no application runs (a window built without one): links stay inert.
    static LinkOpener none() {
        return address -> { };
    }
}
