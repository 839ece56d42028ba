package dev.parley.ui;

import dev.parley.ui.common.Background;
import dev.parley.ui.common.DiscoveryPump;
import dev.parley.ui.common.EventPump;
import dev.parley.ui.common.Settings;
import dev.parley.ui.connect.HostViewModel;
import dev.parley.ui.connect.JoinViewModel;
import dev.parley.ui.connect.RememberedServers;
import dev.parley.ui.connect.TrustViewModel;
import dev.parley.ui.conversation.InputViewModel;
import dev.parley.ui.conversation.RoomsViewModel;
import dev.parley.ui.log.LogViewModel;
import dev.parley.ui.members.MembersViewModel;
import dev.parley.ui.search.SearchViewModel;
import dev.parley.ui.status.StatusViewModel;
import dev.parley.client.ClientConfig;
import dev.parley.client.ClientEvent;
import dev.parley.client.ConnectionState;
import dev.parley.client.DisconnectReason;
import dev.parley.client.HostProbe;
import dev.parley.client.ParleyClient;
import dev.parley.discovery.DiscoveryListener;
import dev.parley.discovery.RoomBrowser;
import dev.parley.protocol.Names;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executor;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/// The window's state: one connection (to the own hosted room or another server) and the view
/// models of every pane. Client events arrive through an [EventPump] in batches on `fx`.
public final class MainViewModel {

    private final Executor fx;
    private final Background background;
    private final Clock clock;
    private final Settings settings;
    private final RoomsViewModel rooms = new RoomsViewModel();
    private final LogViewModel log;
    private final MembersViewModel members;
    private final InputViewModel input = new InputViewModel();
    private final StatusViewModel status = new StatusViewModel();
    private final HostViewModel host;
    private final JoinViewModel join = new JoinViewModel();
    private final SearchViewModel search = new SearchViewModel();
    private final ObjectProperty<Instant> now;
    private ParleyClient client;
    private EventPump pump;
    private URI connectedTo;
    private Runnable settingsChanged = () -> { };
    private RoomBrowser browser;
    private DiscoveryPump nearbyPump;
    private DiscoveryPump rememberedPump;
    private HostProbe probe;
    private ClientConfig lastConfig;
    private dev.parley.client.ServerKeys serverKeys;
    private String lastLabel;
    private boolean lastFromNetwork;
    private final TrustViewModel trust;
    private java.util.function.Consumer<ClientEvent> watcher = event -> { };

    public MainViewModel(Executor fx, Background background, Clock clock, Settings settings, Path historyDir) {
        this.fx = fx;
        this.background = background;
        this.clock = clock;
        this.settings = settings;
        this.now = new SimpleObjectProperty<>(clock.instant());
        log = new LogViewModel(clock, rooms::active);
        members = new MembersViewModel(clock);
        host = new HostViewModel(fx, background, historyDir);
        host.reach().roomProperty().bind(join.roomProperty());
        host.portProperty().set(settings.port());
        host.tlsProperty().set(settings.tls());
        host.tlsProperty().addListener((obs, old, on) -> settings.tls(on));
        trust = new TrustViewModel(background, () -> { if (lastConfig != null) connect(lastConfig, lastLabel, lastFromNetwork); });
        join.nameProperty().set(settings.name());
        join.recent(settings.recentServers());
        join.nameProperty().addListener((obs, old, name) -> settings.name(name));
        host.portProperty().addListener((obs, old, port) -> settings.port(port.intValue()));
        host.serverNameProperty().bind(join.nameProperty().map(n -> n.isBlank() ? "Parley" : n.strip()));
        host.announcing().announceProperty().set(settings.announce());
        host.announcing().announceProperty().addListener((obs, old, on) -> {
            settings.announce(on);
            settingsChanged.run();
        });
        rooms.activeProperty().addListener((obs, old, room) -> members.showRoom(room));
        members.showRoom(rooms.active());
        input.sendTo(text -> { if (client != null) client.sendChat(rooms.active(), text); });
        rooms.connectTo(room -> { if (client != null) client.join(room); },
                room -> { if (client != null) client.leave(room); members.forget(room); });
        search.connectTo(this::search, rooms::select);
        host.onLifecycle(server -> {
            status.hostingProperty().set(true);
            connect(ClientConfig.of(server.localUri(), join.nameProperty().get(), join.roomProperty().get(),
                    blankToNull(host.passwordProperty().get())).withExpectedFingerprint(server.fingerprint()),
                    server.localUri().toString());
            settingsChanged.run();
        }, () -> {
            // Joined elsewhere meanwhile: that connection stays.
            if (host.server().localUri().equals(connectedTo)) {
                disconnect();
            }
            status.hostingStopped();
        });
        join.connectWith((config, typed) -> {
            settings.remember(typed);
            settingsChanged.run();
            // Joining sets a fingerprint only from a room's announcement on the network.
            connect(config, typed, config.expectedFingerprint() != null);
        });
    }

    public LogViewModel log() { return log; }
    public MembersViewModel members() { return members; }
    public RoomsViewModel rooms() { return rooms; }
    public InputViewModel input() { return input; }
    public StatusViewModel status() { return status; }
    public HostViewModel host() { return host; }
    public JoinViewModel join() { return join; }
    public SearchViewModel search() { return search; }
    public Settings settings() { return settings; }
    public TrustViewModel trust() { return trust; }
    /// Advances once a second ([#tick]); "connected for" durations follow it.
    public ObjectProperty<Instant> nowProperty() { return now; }

    /// Where this device's key for each server is kept (made on first use); without one the
    /// window connects without a key and its name is nobody's.
    public void serverKeys(dev.parley.client.ServerKeys keys) {
        serverKeys = keys;
    }

    /// Called when something worth keeping changed (a server joined, a port hosted on).
    public void onSettingsChanged(Runnable save) {
        settingsChanged = save;
    }

    /// Replaces the current connection with one to `config`; `label` is what the status bar shows.
    public void connect(ClientConfig given, String label) {
        connect(given, label, false);
    }

    /// `fingerprintFromNetwork`: `given`'s expected fingerprint came from an announcement.
    private void connect(ClientConfig given, String label, boolean fingerprintFromNetwork) {
        disconnect();
        // Every connection shares the window's pins: trust on first use, like SSH.
        var config = given.withKnownServers(trust.knownServers());
        lastConfig = config;
        lastLabel = label;
        lastFromNetwork = fingerprintFromNetwork;
        trust.connecting(config.serverUri(), fingerprintFromNetwork);
        status.encryptedProperty().set("wss".equalsIgnoreCase(config.serverUri().getScheme()));
        var mine = new EventPump(fx, this::apply);
        pump = mine;
        connectedTo = config.serverUri();
        status.serverProperty().set(label);
        apply(List.of(new ClientEvent.StateChanged(ConnectionState.CONNECTING, null, null, null)));
        log.self(config.name());
        members.self(config.name());
        rooms.reset(config.room() == null ? Names.DEFAULT_ROOM : config.room());
        search.reset();
        var keys = serverKeys;
        background.run("connect", () -> {
            // The key file is read (or made) here, off the FX thread.
            var created = new ParleyClient(keys == null ? config : config.withKey(keys.keyFor(config.serverUri())), mine);
            created.connect();
            return created;
        }, created -> {
            if (pump == mine) {
                client = created;
            } else {
                close(created);
            }
        }, failure -> {
            if (pump == mine) {
                apply(List.of(new ClientEvent.StateChanged(ConnectionState.DISCONNECTED,
                        DisconnectReason.UNREACHABLE, null, failure.getMessage())));
            }
        });
    }

    /// Closes the current connection, if any.
    public void disconnect() {
        if (pump == null) {
            return;
        }
        pump.close();
        pump = null;
        connectedTo = null;
        if (client != null) {
            close(client);
            client = null;
        }
        apply(List.of(new ClientEvent.StateChanged(ConnectionState.DISCONNECTED,
                DisconnectReason.CLOSED_BY_USER, null, null)));
    }

    private void close(ParleyClient closing) {
        background.run("disconnect", () -> { closing.close(); return closing; }, c -> { }, e -> { });
    }

    /// Starts looking for rooms on the LAN (off the FX thread); they appear in the Join pane.
    public void startBrowsing() {
        if (nearbyPump != null) {
            return;
        }
        var pump = join.nearby().pump(fx);
        nearbyPump = pump;
        probeRemembered();
        background.run("browse-start", () -> RoomBrowser.start(pump), started -> {
            if (nearbyPump == pump) {
                browser = started;
            } else {
                background.run("browse-stop", () -> { started.close(); return started; }, b -> { }, e -> { });
            }
        }, failed -> System.getLogger(MainViewModel.class.getName())
                .log(System.Logger.Level.WARNING, "cannot look for rooms on the network: " + failed));
    }

    /// Probes the servers joined before, directly: one on another subnet shows when it is up.
    private void probeRemembered() {
        var remembered = join.nearby().rememberedPump(fx);
        rememberedPump = remembered;
        var typed = settings.recentServers();
        background.run("probe-start", () -> RememberedServers.probe(typed, remembered, RememberedServers.EVERY), started -> {
            if (rememberedPump == remembered) {
                probe = started;
            } else {
                started.close();
            }
        }, failed -> { });
    }

    /// What the LAN browser tells about rooms (null before [#startBrowsing]); tests feed it in
    /// process, with discovery switched off, instead of multicasting.
    public DiscoveryListener nearbyListener() {
        return nearbyPump;
    }

    /// Stops looking; returns the browser to close off the FX thread (null if none).
    public RoomBrowser stopBrowsing() {
        if (nearbyPump != null) {
            nearbyPump.close();
            nearbyPump = null;
        }
        if (rememberedPump != null) {
            rememberedPump.close();
            rememberedPump = null;
        }
        if (probe != null) {
            probe.close();
            probe = null;
        }
        join.nearby().clear();
        var stopping = browser;
        browser = null;
        return stopping;
    }

    /// A failed message is sent again with its `cid`.
    public void retry(String cid) {
        if (client != null) {
            log.retrying(cid);
            client.retry(cid);
        }
    }

    private void search(String query) {
        if (client == null) {
            search.failed(new ClientEvent.SearchFailed(query, ClientEvent.SearchFailed.Problem.NOT_CONNECTED, null));
        } else {
            client.search(query, null);
        }
    }

    public void tick() {
        now.set(clock.instant());
        status.tick(now.get());
        if (host.server() != null && host.hostingProperty().get()) {
            status.sample(host.server().stats(), now.get());
            host.reach().tick(now.get());
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }

    /// Applies one batch of client events on the FX thread, as a connection's [EventPump] hands them over.
    public void apply(List<ClientEvent> batch) {
        batch.forEach(new EventRouter(this)::route);
        batch.forEach(watcher);
    }

    /// `watcher` sees every client event too, after the panes (the window's notifications).
    public void watch(java.util.function.Consumer<ClientEvent> watcher) {
        this.watcher = watcher;
    }
}
