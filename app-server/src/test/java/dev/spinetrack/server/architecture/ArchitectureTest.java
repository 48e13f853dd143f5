package dev.spinetrack.server.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The server's layering, checked on its compiled classes so a new import cannot quietly undo it.
 * Packages form no cycles (each package, including sub-packages, is its own slice), and the pure
 * packages ({@code engine} with its tracking, session rules, feedback and tenderness,
 * {@code guided.plan}, {@code program}) use neither Micronaut nor JDBC nor Jackson databind nor any
 * transport, so they stay plain Java tested without a context.
 */
class ArchitectureTest {

    private static final String ROOT = "dev.spinetrack.server";
    private static final String[] PURE = {ROOT + ".engine..", ROOT + ".guided.plan..", ROOT + ".program.."};
    /** The pure packages by name, so a rename cannot leave the rules above checking nothing. */
    private static final List<String> PURE_NAMED = List.of("engine.band", "engine.tracking", "engine.session", "engine.feedback",
            "engine.tender", "guided.plan", "program");
    private static final String[] FRAMEWORK_AND_IO = {
            "io.micronaut..", "jakarta.inject..", "jakarta.annotation..", "java.sql..", "javax.sql..",
            "com.fasterxml.jackson.databind..", "org.h2..", "org.postgresql..", "org.flywaydb..",
            "org.eclipse.paho..", "com.hivemq..", "io.netty..", "io.micrometer.."};

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages(ROOT);
    }

    @Test
    void packagesFormNoCycles() {
        ArchRule rule = slices().matching(ROOT + ".(**)").should().beFreeOfCycles();
        rule.check(classes);
    }

    @Test
    void purePackagesUseNoFrameworkAndNoIo() {
        ArchRule rule = noClasses().that().resideInAnyPackage(PURE)
                .should().dependOnClassesThat().resideInAnyPackage(FRAMEWORK_AND_IO)
                .because("the engine, the guided-session plan and programs are plain Java tested without a context");
        rule.check(classes);
    }

    @Test
    void everyPurePackageHoldsClasses() {
        for (String p : PURE_NAMED) {
            assertTrue(classes.stream().anyMatch(c -> c.getPackageName().equals(ROOT + "." + p)),
                    ROOT + "." + p + " holds no classes: rename it here too, or the purity rules miss it");
        }
    }

    @Test
    void engineDependsOnNothingOutside() {
        ArchRule rule = noClasses().that().resideInAPackage(ROOT + ".engine..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        ROOT + ".session..", ROOT + ".storage..", ROOT + ".ingest..", ROOT + ".payload..",
                        ROOT + ".broker..", ROOT + ".live..", ROOT + ".http..", ROOT + ".guided..", ROOT + ".demo..")
                .because("the engine is the core every adapter uses, never the other way round");
        rule.check(classes);
    }

    @Test
    void guidedPlanKnowsNotItsRuntime() {
        ArchRule rule = noClasses().that().resideInAPackage(ROOT + ".guided.plan..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        ROOT + ".guided.run..", ROOT + ".session..", ROOT + ".storage..", ROOT + ".live..",
                        ROOT + ".http..", ROOT + ".ingest..")
                .because("the guided-session state machine is pure; guided.run wires it to the server");
        rule.check(classes);
    }

    @Test
    void onlyTheHttpAdapterKnowsHttp() {
        ArchRule rule = noClasses().that().resideOutsideOfPackages(ROOT + ".http..", ROOT)
                .should().dependOnClassesThat().resideInAPackage(ROOT + ".http..")
                .because("HTTP and WebSocket are the outermost adapter");
        rule.check(classes);
    }
}
