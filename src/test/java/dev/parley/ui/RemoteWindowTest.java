package dev.parley.ui;

import dev.parley.server.ParleyServer;
import dev.parley.server.ServerConfig;
import java.io.IOException;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;

/// A window (as "ann", on a temp data folder) and a second, real server on a free loopback
/// port that the window joins as a remote; both closed after each test.
@ExtendWith(ApplicationExtension.class)
@Timeout(90)
public abstract class RemoteWindowTest {

    protected ParleyWindow window;
    protected ParleyServer remote;

    /// Subclasses call this from their own `@Start` method (TestFX looks only at the test class's
    /// own methods).
    protected void open(Stage stage) throws IOException {
        window = WindowFixture.open(stage, "ann", WindowFixture.freePort());
    }

    protected ParleyServer startRemote() throws IOException {
        remote = ParleyServer.start(ServerConfig.forTests());
        return remote;
    }

    @AfterEach
    void stop() {
        WindowFixture.shutdown(window);
        if (remote != null) {
            remote.stop();
        }
    }
}
