package dev.parley.ui;

import dev.parley.ui.common.I18n;
import dev.parley.ui.common.Note;
import dev.parley.ui.common.Settings;
import dev.parley.ui.connect.CertificateBanner;
import dev.parley.ui.connect.HostPane;
import dev.parley.ui.connect.JoinPane;
import dev.parley.ui.conversation.InputPane;
import dev.parley.ui.conversation.RoomsPane;
import dev.parley.ui.log.LogPane;
import dev.parley.ui.members.MembersPane;
import dev.parley.ui.search.SearchPane;
import dev.parley.ui.status.StatusBar;
import atlantafx.base.theme.Styles;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/// The window's layout: header, host/join/rooms on the left, the log and the input in the
/// middle, the member list on the right, the status bar below.
public final class MainView extends BorderPane {

    public MainView(MainViewModel vm, I18n i18n, ParleyWindow window) {
        getStyleClass().add("parley");
        setTop(header(vm, i18n, window));

        var name = new TextField();
        name.setId("name");
        name.textProperty().bindBidirectional(vm.join().nameProperty());
        var nameLabel = new Label();
        nameLabel.textProperty().bind(i18n.text("name.label"));
        nameLabel.getStyleClass().add("section-title");
        var left = new VBox(12, new VBox(4, nameLabel, name), new HostPane(vm.host(), i18n),
                new JoinPane(vm.join(), i18n), new RoomsPane(vm.rooms(), i18n));
        left.setPadding(new Insets(12));
        var scroll = new ScrollPane(left);
        scroll.setFitToWidth(true);
        scroll.setPrefWidth(300);
        scroll.getStyleClass().add("side");
        setLeft(scroll);

        var log = new LogPane(vm, i18n);
        VBox.setVgrow(log, Priority.ALWAYS);
        setCenter(new VBox(new CertificateBanner(vm.trust(), i18n), log, new InputPane(vm.input(), i18n)));
        var members = new MembersPane(vm, i18n);
        VBox.setVgrow(members, Priority.ALWAYS);
        setRight(new VBox(new SearchPane(vm.search(), i18n), members));
        setBottom(new StatusBar(vm.status(), i18n));
    }

    private static HBox header(MainViewModel vm, I18n i18n, ParleyWindow window) {
        var title = new Label("Parley");
        title.getStyleClass().addAll(Styles.TITLE_3, "app-title");
        var count = new Label();
        count.setId("headerCount");
        count.getStyleClass().add(Styles.TEXT_MUTED);
        count.textProperty().bind(i18n.note(vm.members().countProperty().map(n -> Note.of("header.count", n))));
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

        var header = new HBox(12, title, count, spacer, language, dark);
        header.setAlignment(Pos.CENTER_LEFT);
        header.setPadding(new Insets(8, 12, 8, 12));
        header.getStyleClass().add("header");
        return header;
    }
}
