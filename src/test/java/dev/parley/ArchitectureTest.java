package dev.parley;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/// The package rules of design.md, checked on the compiled main classes (as JabRef's
/// `CommonArchitectureTest`): dependencies point `ui → client | server | discovery → protocol`
/// without cycles, JavaFX stays in `ui`, Jetty stays in `server` and `client`, the window's
/// start-up (`ui.startup`) sits above the views, the window's features (`ui.connect`, `ui.log`, …)
/// use only `ui.common`, `--headless` needs no `ui`, and only `app` sees everything.
@AnalyzeClasses(packages = "dev.parley", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String PROTOCOL = "dev.parley.protocol..";
    private static final String SERVER = "dev.parley.server..";
    private static final String CLIENT = "dev.parley.client..";
    private static final String DISCOVERY = "dev.parley.discovery..";
    private static final String UI = "dev.parley.ui..";
    private static final String UI_STARTUP = "dev.parley.ui.startup..";
    private static final String APP = "dev.parley.app..";

    @ArchTest
    static final ArchRule onlyUiUsesJavaFx = noClasses()
            .that().resideOutsideOfPackage(UI)
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "com.sun.javafx..", "atlantafx..")
            .because("the window is the only part that may touch JavaFX; the server runs headless");

    @ArchTest
    static final ArchRule onlyServerAndClientUseJetty = noClasses()
            .that().resideOutsideOfPackages(SERVER, CLIENT)
            .should().dependOnClassesThat().resideInAnyPackage("org.eclipse.jetty..", "jakarta.websocket..")
            .because("the UI and the launcher talk to ParleyServer and ParleyClient, never to Jetty types");

    @ArchTest
    static final ArchRule protocolStandsAlone = noClasses()
            .that().resideInAPackage(PROTOCOL)
            .should().dependOnClassesThat().resideInAnyPackage(SERVER, CLIENT, DISCOVERY, UI, APP)
            .because("protocol may use nothing else of Parley");

    @ArchTest
    static final ArchRule lowerPartsDoNotKnowTheUi = noClasses()
            .that().resideInAnyPackage(SERVER, CLIENT, DISCOVERY)
            .should().dependOnClassesThat().resideInAPackage(UI)
            .because("dependencies point from ui down, never back up");

    @ArchTest
    static final ArchRule discoveryUsesOnlyProtocol = noClasses()
            .that().resideInAPackage(DISCOVERY)
            .should().dependOnClassesThat().resideInAnyPackage(SERVER, CLIENT)
            .because("discovery announces and browses on its own; the app passes it what to announce");

    @ArchTest
    static final ArchRule nothingDependsOnTheApp = noClasses()
            .that().resideOutsideOfPackage(APP)
            .should().dependOnClassesThat().resideInAPackage(APP)
            .because("app is the top: it wires the parts together");

    @ArchTest
    static final ArchRule noCyclesBetweenParts = slices().matching("dev.parley.(*)..")
            .should().beFreeOfCycles()
            .because("each part must be understandable, testable and replaceable from the parts below it alone");

    @ArchTest
    static final ArchRule clientDoesNotKnowTheServer = noClasses()
            .that().resideInAPackage(CLIENT)
            .should().dependOnClassesThat().resideInAPackage(SERVER)
            .because("the client must work against any server speaking the protocol (the seed's Bun server too), so it shares only protocol with ours");

    @ArchTest
    static final ArchRule serverDoesNotKnowTheClient = noClasses()
            .that().resideInAPackage(SERVER)
            .should().dependOnClassesThat().resideInAPackage(CLIENT)
            .because("the server must serve any client speaking the protocol (browsers, the seed's page), so it shares only protocol with ours");

    @ArchTest
    static final ArchRule serverPartsDoNotKnowTheServer = noClasses()
            .that().resideInAnyPackage("dev.parley.server.history..", "dev.parley.server.files..")
            .should().dependOnClassesThat().resideInAPackage("dev.parley.server")
            .because("the history store and the file store are parts the server uses; each owns its interface"
                    + " (HistoryStore, Deadline, FileStore), so the server imports them and never the other way round");

    @ArchTest
    static final ArchRule viewsDoNotKnowTheirStartUp = noClasses()
            .that().resideInAPackage(UI).and().resideOutsideOfPackage(UI_STARTUP)
            .should().dependOnClassesThat().resideInAPackage(UI_STARTUP)
            .because("start-up tricks sit above the views (app → ui.startup → ui), so that the views read as views and the tricks can go without touching them");

    /// The window's feature packages: each a view, its view model and their tests.
    private static final String[] UI_FEATURES = {"dev.parley.ui.connect..", "dev.parley.ui.conversation..",
            "dev.parley.ui.log..", "dev.parley.ui.members..", "dev.parley.ui.search..", "dev.parley.ui.status..",
            "dev.parley.ui.notify..", "dev.parley.ui.files.."};
    private static final String UI_COMMON = "dev.parley.ui.common..";

    @ArchTest
    static final ArchRule uiFeaturesStandApart = featuresUseOnlyCommon();

    private static ArchRule featuresUseOnlyCommon() {
        ArchRule rule = null;
        for (var feature : UI_FEATURES) {
            var others = java.util.Arrays.stream(UI_FEATURES).filter(f -> !f.equals(feature)).toArray(String[]::new);
            var one = noClasses().that().resideInAPackage(feature)
                    .should().dependOnClassesThat().resideInAnyPackage(others)
                    .orShould().dependOnClassesThat().resideInAPackage("dev.parley.ui")
                    .because("a feature of the window (" + feature + ") uses only ui.common; the window (package ui) wires the features together");
            rule = rule == null ? one : com.tngtech.archunit.lang.CompositeArchRule.of(rule).and(one);
        }
        return rule;
    }

    @ArchTest
    static final ArchRule uiCommonKnowsNoFeature = noClasses()
            .that().resideInAPackage(UI_COMMON)
            .should().dependOnClassesThat().resideInAnyPackage(UI_FEATURES)
            .orShould().dependOnClassesThat().resideInAPackage("dev.parley.ui")
            .because("the shared part of the window (session, i18n, background work) sits below every feature");

    @ArchTest
    static final ArchRule noCyclesBetweenWindowParts = slices().matching("dev.parley.ui.(*)..")
            .should().beFreeOfCycles()
            .because("each part of the window must be readable and testable from ui.common alone");

    @ArchTest
    static final ArchRule headlessNeedsNoWindow = noClasses()
            .that().resideInAPackage(APP).and().haveSimpleNameStartingWith("Headless")
            .should().dependOnClassesThat().resideInAPackage(UI)
            .because("the server without a window must run where JavaFX cannot, and load none of the window's classes");
}
