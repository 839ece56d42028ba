package dev.parley.ui.connect;

import dev.parley.ui.common.Background;
import dev.parley.ui.common.Note;
import dev.parley.server.ParleyServer;
import dev.parley.server.PortInUseException;
import dev.parley.server.ServerAddresses;
import dev.parley.server.ServerConfig;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/// The "Host a room" toggle: starts the embedded server off the FX thread, lists the addresses
/// others can join, and stops it again. A taken port is reported with the next free one offered.
public final class HostViewModel {

    private final Background background;
    private final Path historyDir;
    private final ReadOnlyBooleanWrapper hosting = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final IntegerProperty port = new SimpleIntegerProperty(ServerConfig.DEFAULT_PORT);
    private final StringProperty password = new SimpleStringProperty("");
    private final ObservableList<ServerAddresses.Joinable> addresses = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Note> error = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyIntegerWrapper suggestedPort = new ReadOnlyIntegerWrapper();
    private final ReadOnlyObjectWrapper<Note> networkHint = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Note> firewallHint = new ReadOnlyObjectWrapper<>();
    private final StringProperty serverName = new SimpleStringProperty("Parley");
    private final AnnounceViewModel announcing;
    private final BooleanProperty tls = new SimpleBooleanProperty();
    private final ReadOnlyStringWrapper fingerprint = new ReadOnlyStringWrapper();
    private final ReachViewModel reach;
    private Consumer<ParleyServer> onStarted = server -> { };
    private Runnable onStopping = () -> { };
    private ParleyServer server;

    /// `historyDir` null keeps the hosted room's history in memory only; refused attempts reach
    /// the view models through `fx`.
    public HostViewModel(Executor fx, Background background, Path historyDir) {
        this.background = background;
        this.historyDir = historyDir;
        this.announcing = new AnnounceViewModel(background);
        this.reach = new ReachViewModel(fx, QUIET);
    }

    /// Refusals applied on the calling thread (tests that do not look at them).
    public HostViewModel(Background background, Path historyDir) {
        this(Runnable::run, background, historyDir);
    }

    /// How long nobody from the network may reach a hosted room before the firewall command shows.
    static final Duration QUIET = Duration.ofMinutes(2);

    public ReadOnlyBooleanProperty hostingProperty() { return hosting.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }
    public IntegerProperty portProperty() { return port; }
    public StringProperty passwordProperty() { return password; }
    public ObservableList<ServerAddresses.Joinable> addresses() { return addresses; }
    public ReadOnlyObjectProperty<Note> errorProperty() { return error.getReadOnlyProperty(); }
    /// 0 when there is nothing to offer.
    public ReadOnlyIntegerProperty suggestedPortProperty() { return suggestedPort.getReadOnlyProperty(); }
    /// While hosting with no address but loopback: nobody else can reach this computer.
    public ReadOnlyObjectProperty<Note> networkHintProperty() { return networkHint.getReadOnlyProperty(); }
    /// While hosting: the firewall may be why others cannot connect.
    public ReadOnlyObjectProperty<Note> firewallHintProperty() { return firewallHint.getReadOnlyProperty(); }
    /// The name announced on the network and shown to members.
    public StringProperty serverNameProperty() { return serverName; }
    public AnnounceViewModel announcing() { return announcing; }
    /// Invites, refused attempts and the hints on why others cannot join.
    public ReachViewModel reach() { return reach; }
    /// Host with "Encrypt (TLS)": `wss://` addresses and a certificate fingerprint to compare.
    public BooleanProperty tlsProperty() { return tls; }
    /// The hosted server's certificate fingerprint (`AB:CD:…`); null without TLS or not hosting.
    public ReadOnlyStringProperty fingerprintProperty() { return fingerprint.getReadOnlyProperty(); }

    public ParleyServer server() {
        return server;
    }

    /// What to do once the server runs (join the window to it) and before it stops.
    public void onLifecycle(Consumer<ParleyServer> started, Runnable stopping) {
        onStarted = started;
        onStopping = stopping;
    }

    public void start() {
        if (hosting.get() || busy.get()) {
            return;
        }
        busy.set(true);
        error.set(null);
        suggestedPort.set(0);
        var config = new ServerConfig(null, port.get(), password.get(), historyDir, null, null, null, serverName.get())
                .withTls(tls.get());
        record Started(ParleyServer server, List<ServerAddresses.Joinable> addresses, ReachViewModel.Facts facts) {}
        background.run("host-start", () -> {
            var started = ParleyServer.start(config);
            return new Started(started, ServerAddresses.forPort(started.port(), started.fingerprint() != null),
                    ReachViewModel.Facts.read(started.port()));
        }, started -> {
            busy.set(false);
            server = started.server();
            // Before the addresses: their rows show each one's invite.
            reach.hosting(server, started.addresses(), started.facts());
            addresses.setAll(started.addresses());
            hints(server.port());
            fingerprint.set(server.fingerprint());
            hosting.set(true);
            announcing.hosting(server, config.serverName(), config.password() != null);
            onStarted.accept(server);
        }, this::startFailed);
    }

    private void startFailed(Throwable failure) {
        busy.set(false);
        hosting.set(false);
        if (failure instanceof PortInUseException taken) {
            error.set(Note.of("host.portInUse", taken.port()));
            background.run("host-free-port", () -> nextFreePort(taken.port()),
                    suggestedPort::set, e -> suggestedPort.set(0));
        } else {
            error.set(Note.of("host.failed", String.valueOf(failure.getMessage())));
        }
    }

    /// One click: take the offered port and try again.
    public void useSuggestedPort() {
        if (suggestedPort.get() > 0) {
            port.set(suggestedPort.get());
            start();
        }
    }

    public void stop() {
        if (server == null || busy.get()) {
            return;
        }
        busy.set(true);
        onStopping.run();
        var stopping = server;
        var announcer = announcing.detach();
        background.run("host-stop", () -> {
            // Withdraw first, so browsers drop the room before its port closes.
            if (announcer != null) {
                announcer.close();
            }
            stopping.stop();
            return stopping;
        }, stopped -> stoppedOk(), e -> {
            stoppedOk();
            error.set(Note.of("host.failed", String.valueOf(e.getMessage())));
        });
    }

    private void stoppedOk() {
        server = null;
        busy.set(false);
        hosting.set(false);
        addresses.clear();
        networkHint.set(null);
        firewallHint.set(null);
        fingerprint.set(null);
        reach.stopped();
    }

    private void hints(int hostedPort) {
        networkHint.set(addresses.stream().allMatch(ServerAddresses.Joinable::loopback) ? Note.of("host.noNetwork") : null);
        firewallHint.set(Note.of("host.firewall", hostedPort));
    }

    /// The first port after `taken` that can be bound on every interface, as the server binds.
    static int nextFreePort(int taken) throws IOException {
        for (int candidate = taken + 1; candidate <= Math.min(65535, taken + 100); candidate++) {
            try (var socket = new ServerSocket(candidate)) {
                return socket.getLocalPort();
            } catch (IOException inUse) {
                // try the next one
            }
        }
        throw new IOException("no free port after " + taken);
    }
}
