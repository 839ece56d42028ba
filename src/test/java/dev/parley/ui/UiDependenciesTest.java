package dev.parley.ui;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.base.DescribedPredicate;
import dev.parley.server.DataFolder;
import dev.parley.server.ParleyServer;
import dev.parley.server.PortInUseException;
import dev.parley.server.RefusalListener;
import dev.parley.server.RefusedAttempt;
import dev.parley.server.ServerAddresses;
import dev.parley.server.ServerConfig;
import dev.parley.server.ServerStats;
import java.util.Set;
import org.junit.jupiter.api.Test;

/// The window uses the server only to start, stop, read stats, addresses, refused attempts and the data folder's rule — never its
/// insides — and never touches Jetty (design.md, "Parts").
class UiDependenciesTest {

    private static final Set<String> SERVER_API = Set.of(ParleyServer.class.getName(), ServerConfig.class.getName(),
            ServerAddresses.class.getName(), ServerAddresses.Joinable.class.getName(), ServerStats.class.getName(),
            PortInUseException.class.getName(), RefusalListener.class.getName(), RefusedAttempt.class.getName(),
            RefusedAttempt.Reason.class.getName(), DataFolder.class.getName());

    private final com.tngtech.archunit.core.domain.JavaClasses ui = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.parley.ui");

    @Test
    void usesOnlyTheServersStartStopApi() {
        noClasses().that().resideInAPackage("dev.parley.ui..")
                .should().dependOnClassesThat(DescribedPredicate.describe("server internals",
                        (JavaClass c) -> c.getPackageName().startsWith("dev.parley.server")
                                && !SERVER_API.contains(c.getName())))
                .check(ui);
    }

    @Test
    void neverTouchesJetty() {
        noClasses().that().resideInAPackage("dev.parley.ui..")
                .should().dependOnClassesThat().resideInAnyPackage("org.eclipse.jetty..", "jakarta.websocket..")
                .check(ui);
    }
}
