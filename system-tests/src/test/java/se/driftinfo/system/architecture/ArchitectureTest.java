package se.driftinfo.system.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Reads the packaged services' classes and checks the architecture: services independent of each
 * other, packages inside a service free of cycles, HTTP only in the web layer. The fixture tests
 * below prove each rule reports a real violation, so a passing run means something.
 */
class ArchitectureTest {

    static final List<String> SERVICES =
            List.of("se.driftinfo.maintenance", "se.driftinfo.incident", "se.driftinfo.notifier");
    static final String KIT = "se.driftinfo.kit";
    static final String CONTRACTS = "se.driftinfo.contracts";

    static final String FIXTURES = "se.driftinfo.system.architecture.fixture";
    static final List<String> FIXTURE_SERVICES = List.of(FIXTURES + ".alpha", FIXTURES + ".beta");

    static JavaClasses production;
    static JavaClasses fixtures;

    @BeforeAll
    static void readClasses() {
        production = new ClassFileImporter()
                .importPackages(
                        "se.driftinfo.maintenance", "se.driftinfo.incident", "se.driftinfo.notifier", KIT, CONTRACTS);
        for (String root : SERVICES) {
            long count = production.stream()
                    .filter(c -> c.getPackageName().startsWith(root))
                    .count();
            // An empty import would pass every rule: make sure the packaged services were read.
            assertTrue(count > 20, root + ": only " + count + " classes found on the classpath");
        }
        fixtures = new ClassFileImporter().importPackages(FIXTURES);
    }

    @Test
    void noServiceImportsAnother() {
        for (String service : SERVICES) {
            ArchitectureRules.doesNotImportOtherServices(service, SERVICES).check(production);
        }
    }

    @Test
    void sharedJarsKnowNoService() {
        for (String shared : List.of(KIT, CONTRACTS)) {
            noClasses()
                    .that()
                    .resideInAPackage(shared + "..")
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage(SERVICES.stream().map(s -> s + "..").toArray(String[]::new))
                    .check(production);
        }
    }

    @Test
    void packagesInsideEachServiceDependOneWay() {
        for (String service : SERVICES) {
            ArchitectureRules.packagesFreeOfCycles(service).check(production);
        }
    }

    @Test
    void domainCodeKnowsNothingOfHttp() {
        for (String service : SERVICES) {
            ArchitectureRules.noHttpOutsideWebLayer(service).check(production);
        }
        // The kit's domain exceptions, inbox and outbox are HTTP-free; its problem mappers are the web layer.
        ArchitectureRules.noHttpOutsideWebLayer(KIT, KIT + ".problem..").check(production);
        ArchitectureRules.noHttpOutsideWebLayer(CONTRACTS).check(production);
    }

    @Test
    void aServiceImportingAnotherIsReported() {
        EvaluationResult result = ArchitectureRules.doesNotImportOtherServices(
                        FIXTURE_SERVICES.get(1), FIXTURE_SERVICES)
                .evaluate(fixtures);
        assertTrue(result.hasViolation());
        assertTrue(result.getFailureReport().toString().contains("beta.Intruder"), result.getFailureReport()::toString);
    }

    @Test
    void aPackageCycleIsReported() {
        EvaluationResult result =
                ArchitectureRules.packagesFreeOfCycles(FIXTURE_SERVICES.get(0)).evaluate(fixtures);
        assertTrue(result.hasViolation());
        String report = result.getFailureReport().toString();
        assertTrue(report.contains("alpha.window") && report.contains("alpha.occurrence"), report);
    }

    @Test
    void httpInDomainCodeIsReportedButNotInTheWebLayer() {
        EvaluationResult result =
                ArchitectureRules.noHttpOutsideWebLayer(FIXTURE_SERVICES.get(0)).evaluate(fixtures);
        assertTrue(result.hasViolation());
        String report = result.getFailureReport().toString();
        assertTrue(report.contains("alpha.window.LeakyWindow"), report);
        assertFalse(report.contains("alpha.window.rest.WindowResource"), report);
    }
}
