package dev.parley.ui;

import atlantafx.base.theme.Styles;
import dev.parley.ui.common.I18n;
import dev.parley.ui.common.Note;
import dev.parley.ui.common.Settings;
import dev.parley.ui.connect.CertificateBanner;
import dev.parley.ui.connect.ConnectView;
import dev.parley.ui.connect.ConnectionBar;
import dev.parley.ui.connect.HostPane;
import dev.parley.ui.conversation.ConversationsPane;
import dev.parley.ui.conversation.InputPane;
import dev.parley.ui.conversation.JumpBox;
import dev.parley.ui.files.WindowFiles;
import dev.parley.ui.log.LogPane;
import dev.parley.ui.members.MembersPane;
import dev.parley.ui.search.SearchPane;
import dev.parley.ui.status.StatusBar;
import dev.parley.ui.text.MessageLook;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/// The window's layout. Not connected: the connect view. Connected: the conversations on the
/// left, the open one's log and input in the middle, its members on the right (under the invite
/// panel while hosting), the connection control in the header. The status bar always. Keys:
/// Ctrl+K jumps to a conversation, Alt+Up/Down moves between them, Esc closes what is open.
public final class MainView extends StackPane {

    private static final KeyCombination JUMP = new KeyCodeCombination(KeyCode.K, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination FIND = new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination PREVIOUS = new KeyCodeCombination(KeyCode.UP, KeyCombination.ALT_DOWN);
    private static final KeyCombination NEXT = new KeyCodeCombination(KeyCode.DOWN, KeyCombination.ALT_DOWN);

    public MainView(MainViewModel vm, I18n i18n, ParleyWindow window) {
        getStyleClass().add("parley");
        var session = vm.session();
        var connected = session.attemptProperty().isNotNull();

        var connect = new ConnectView(vm.join(), i18n);
        var hostPane = new HostPane(vm.host(), i18n);
        var bar = new ConnectionBar(session, vm.host(), i18n);
        bar.visibleProperty().bind(connected);
        bar.managedProperty().bind(connected);

        var notices = window.notices();
        var conversations = new ConversationsPane(vm.conversations(), i18n,
                (menu, id) -> MuteItem.addTo(menu, notices, i18n, id));
        conversations.setPrefWidth(250);
        var look = new MessageLook(window::openLink, text -> notices.mentionsProperty().get().in(text));
        var files = new WindowFiles(session, i18n, vm.log()::notice);
        var log = new LogPane(vm.log(), vm.conversations().activeProperty(), vm::retry, i18n, look, files.views()::of);
        VBox.setVgrow(log, Priority.ALWAYS);
        var input = new InputPane(vm.input(), vm.conversations().typingProperty(),
                () -> vm.members().members().stream().filter(m -> !m.self()).map(m -> m.clientId()).toList(), i18n);
        var middle = new VBox(new CertificateBanner(vm.trust(), i18n), log, files.transfers(), input);
        var invitePanel = new ScrollPane();
        invitePanel.setId("invitePanel");
        invitePanel.setFitToWidth(true);
        VBox.setVgrow(invitePanel, Priority.ALWAYS);
        invitePanel.visibleProperty().bind(bar.invite().selectedProperty().and(vm.host().hostingProperty()));
        invitePanel.managedProperty().bind(invitePanel.visibleProperty());
        var members = new MembersPane(vm.members(), vm.nowProperty(), vm.conversations()::openPrivate, i18n);
        VBox.setVgrow(members, Priority.ALWAYS);
        var search = new SearchPane(vm.search(), i18n);
        // The invite panel takes the whole column while open: the QR code needs the height.
        for (var hidden : new javafx.scene.Node[] {search, members}) {
            hidden.visibleProperty().bind(invitePanel.visibleProperty().not());
            hidden.managedProperty().bind(hidden.visibleProperty());
        }
        var right = new VBox(invitePanel, search, members);
        right.setPrefWidth(300);
        var chat = new BorderPane(middle, null, right, null, conversations);
        chat.setId("chatView");
        files.intake(vm.conversations()::active, input, chat);

        // One host card: in the connect view while not connected, in the invite panel after.
        Runnable place = () -> {
            if (connected.get()) {
                connect.hostSlot().getChildren().clear();
                invitePanel.setContent(hostPane);
            } else {
                invitePanel.setContent(null);
                connect.hostSlot().getChildren().setAll(hostPane);
            }
        };
        place.run();
        var body = new StackPane(connect, chat);
        connect.visibleProperty().bind(connected.not());
        chat.visibleProperty().bind(connected);
        connected.addListener((obs, old, on) -> place.run());

        var layout = new BorderPane(body);
        layout.setTop(header(vm, i18n, window, bar));
        layout.setBottom(new StatusBar(vm.status(), i18n));
        var jump = new JumpBox(vm.conversations(), i18n);
        getChildren().addAll(layout, jump);

        addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (FIND.match(e)) {
                bar.invite().setSelected(false); // the search field is under the invite panel; its own key shows it
                return;
            }
            if (JUMP.match(e) && connected.get()) {
                jump.show();
            } else if (PREVIOUS.match(e) && connected.get()) {
                vm.conversations().move(-1);
            } else if (NEXT.match(e) && connected.get()) {
                vm.conversations().move(1);
            } else if (e.getCode() == KeyCode.ESCAPE && jump.isVisible()) {
                jump.close();
            } else if (e.getCode() == KeyCode.ESCAPE && !vm.search().queryProperty().get().isEmpty()) {
                vm.search().close();
            } else if (e.getCode() == KeyCode.ESCAPE && vm.trust().changedProperty().get() != null) {
                vm.trust().cancel();
            } else if (e.getCode() == KeyCode.ESCAPE && bar.invite().isSelected()) {
                bar.invite().setSelected(false);
            } else {
                return;
            }
            e.consume();
        });
    }

    private static HBox header(MainViewModel vm, I18n i18n, ParleyWindow window, ConnectionBar bar) {
        var title = new Label("Parley");
        title.getStyleClass().addAll(Styles.TITLE_3, "app-title");
        var count = new Label();
        count.setId("headerCount");
        count.getStyleClass().add(Styles.TEXT_MUTED);
        count.textProperty().bind(i18n.note(vm.members().countProperty().map(n -> Note.of("header.count", n))));
        count.visibleProperty().bind(bar.visibleProperty());
        var spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);

        var dark = new ToggleButton();
        dark.setId("darkTheme");
        dark.textProperty().bind(i18n.text("theme.dark"));
        dark.setSelected(vm.settings().theme() == Settings.Theme.DARK);
        dark.selectedProperty().addListener((obs, old, on) -> {
            window.applyTheme(on ? Settings.Theme.DARK : Settings.Theme.LIGHT);
            window.saveSettings();
        });

        var language = new ComboBox<Locale>();
        language.setId("language");
        language.accessibleTextProperty().bind(i18n.text("language.a11y"));
        language.getItems().setAll(I18n.LANGUAGES);
        language.setConverter(new StringConverter<>() {
            @Override public String toString(Locale l) {
                return l == null ? "" : l.getLanguage().equals("zh") ? "简体中文" : "English";
            }
            @Override public Locale fromString(String s) { return null; }
        });
        language.setValue(i18n.localeProperty().get());
        language.valueProperty().addListener((obs, old, l) -> {
            if (l != null && !l.equals(i18n.localeProperty().get())) {
                window.language(l.toLanguageTag());
            }
        });

        var header = new HBox(12, title, count, bar, spacer, new NoticeMenu(window.notices(), i18n), language, dark);
        header.setAlignment(Pos.CENTER_LEFT);
        header.setPadding(new Insets(8, 12, 8, 12));
        header.getStyleClass().add("header");
        return header;
    }
}
