package se.driftinfo.incident;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The packages of incident-service depend one way, and only the web layer ({@code rest} and {@code web}
 * packages) knows HTTP. The same rules run over all services in system-tests; this one fails fast here.
 */
class IncidentArchitectureTest {

    private static final String ROOT = "se.driftinfo.incident";

    private static JavaClasses classes;

    @BeforeAll
    static void readClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);
        // An empty import would pass every rule.
        assertTrue(classes.size() > 40, "only " + classes.size() + " classes found");
    }

    @Test
    void packagesDependOneWay() {
        slices().matching(ROOT + ".(**)").should().beFreeOfCycles().check(classes);
    }

    @Test
    void onlyRestAndWebPackagesKnowHttp() {
        noClasses()
                .that()
                .resideInAPackage(ROOT + "..")
                .and()
                .resideOutsideOfPackages(ROOT + "..rest..", ROOT + "..web..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "jakarta.ws.rs..",
                        "org.jboss.resteasy..",
                        "io.vertx.ext.web..",
                        "io.vertx.core.http..",
                        "io.quarkus.vertx.http..",
                        "se.driftinfo.kit.problem..")
                .check(classes);
    }
}
