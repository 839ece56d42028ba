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
import dev.parley.ui.common.Session;
import dev.parley.ui.conversation.ConversationsViewModel;
import dev.parley.ui.log.LogViewModel;
import dev.parley.ui.members.MembersViewModel;
import dev.parley.ui.search.SearchViewModel;
import dev.parley.ui.status.StatusViewModel;
import dev.parley.client.ClientConfig;
import dev.parley.client.ClientEvent;
import dev.parley.client.HostProbe;
import dev.parley.discovery.DiscoveryListener;
import dev.parley.discovery.RoomBrowser;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/// The window's view models, each listening to the [Session] for what it needs, and the few
/// wires between them (the conversation shown decides what the log, members and input show).
/// None of them calls back into this class. FX thread only.
public final class MainViewModel {

    private final Executor fx;
    private final Background background;
    private final Clock clock;
    private final Settings settings;
    private final Session session;
    private final ConversationsViewModel conversations;
    private final LogViewModel log;
    private final MembersViewModel members;
    private final InputViewModel input = new InputViewModel();
    private final StatusViewModel status = new StatusViewModel();
    private final HostViewModel host;
    private final JoinViewModel join = new JoinViewModel();
    private final SearchViewModel search = new SearchViewModel();
    private final ReadOnlyObjectWrapper<Instant> now;
    private final TrustViewModel trust;
    private Runnable settingsChanged = () -> { };
    private RoomBrowser browser;
    private DiscoveryPump nearbyPump;
    private DiscoveryPump rememberedPump;
    private HostProbe probe;

    public MainViewModel(Executor fx, Background background, Clock clock, Settings settings, Path historyDir) {
        this.fx = fx;
        this.background = background;
        this.clock = clock;
        this.settings = settings;
        this.now = new ReadOnlyObjectWrapper<>(clock.instant());
        session = new Session(fx, background);
        conversations = new ConversationsViewModel(session, clock);
        log = new LogViewModel(clock, conversations::active);
        log.listenTo(session);
        members = new MembersViewModel(clock);
        members.listenTo(session);
        input.listenTo(session);
        status.listenTo(session, now::get);
        trust = new TrustViewModel(background, session::reconnect);
        trust.listenTo(session, log::notice);
        session.knownServers(trust::knownServers);
        host = new HostViewModel(fx, background, historyDir);
        host.reach().roomProperty().bind(join.roomProperty());
        host.portProperty().set(settings.port());
        host.tlsProperty().set(settings.tls());
        host.tlsProperty().addListener((obs, old, on) -> settings.tls(on));
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
        conversations.activeProperty().addListener((obs, old, id) -> {
            members.showRoom(id);
            input.conversationChanged();
        });
        members.showRoom(conversations.active());
        input.sendTo(text -> session.send(conversations.active(), text));
        search.listenTo(session, found -> {
            conversations.select(found.room());
            log.reveal(found.room(), found.seq());
        });
        input.typingWith(() -> session.typing(conversations.active()));
        host.onLifecycle(server -> {
            status.hosting();
            session.connect(ClientConfig.of(server.localUri(), join.nameProperty().get(), join.roomProperty().get(),
                    blankToNull(host.passwordProperty().get())).withExpectedFingerprint(server.fingerprint()),
                    server.localUri().toString(), false, true);
            settingsChanged.run();
        }, () -> {
            // Joined elsewhere meanwhile: that connection stays.
            if (session.isConnectedTo(host.server().localUri())) {
                session.leave();
            }
            status.hostingStopped();
        });
        join.connectWith((config, typed) -> {
            settings.remember(typed);
            settingsChanged.run();
            // Joining sets a fingerprint only from a room's announcement on the network.
            session.connect(config, typed, config.expectedFingerprint() != null, false);
        });
    }

    public Session session() { return session; }
    public LogViewModel log() { return log; }
    public MembersViewModel members() { return members; }
    public ConversationsViewModel conversations() { return conversations; }
    public InputViewModel input() { return input; }
    public StatusViewModel status() { return status; }
    public HostViewModel host() { return host; }
    public JoinViewModel join() { return join; }
    public SearchViewModel search() { return search; }
    public Settings settings() { return settings; }
    public TrustViewModel trust() { return trust; }
    /// Advances once a second ([#tick]); "connected for" durations follow it.
    public ReadOnlyObjectProperty<Instant> nowProperty() { return now.getReadOnlyProperty(); }

    /// Where this device's key for each server is kept (made on first use).
    public void serverKeys(dev.parley.client.ServerKeys keys) {
        session.serverKeys(keys);
    }

    /// Called when something worth keeping changed (a server joined, a port hosted on).
    public void onSettingsChanged(Runnable save) {
        settingsChanged = save;
    }

    /// Replaces the current connection with one to `config`; `label` is what the status bar shows.
    public void connect(ClientConfig config, String label) {
        session.connect(config, label, false, false);
    }

    /// Closes the current connection, if any.
    public void disconnect() {
        session.leave();
    }

    /// A failed message is sent again with its `cid`.
    public void retry(String cid) {
        log.retrying(cid);
        session.retry(cid);
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

    public void tick() {
        now.set(clock.instant());
        status.tick(now.get());
        conversations.tick(now.get());
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
        session.deliver(batch);
    }

    /// `watcher` sees every client event too, after the panes (the window's notifications).
    public void watch(java.util.function.Consumer<ClientEvent> watcher) {
        session.listen(watcher);
    }
}
