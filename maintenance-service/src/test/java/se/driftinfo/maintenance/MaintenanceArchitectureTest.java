package se.driftinfo.maintenance;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The window aggregate reports what changed and leaves publishing to the service. The rules every
 * service shares (no package cycles, HTTP only in rest and web) are checked for all services by
 * system-tests' ArchitectureTest.
 */
@AnalyzeClasses(packages = "se.driftinfo.maintenance", importOptions = ImportOption.DoNotIncludeTests.class)
class MaintenanceArchitectureTest {

    /** The aggregate reports what changed; turning that into a published event is not its job. */
    @ArchTest
    static final ArchRule aggregateKnowsNoEventsOrOutbox = noClasses()
            .that()
            .haveSimpleNameStartingWith("MaintenanceWindow")
            .or()
            .haveSimpleNameStartingWith("OccurrenceException")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("se.driftinfo.kit.outbox..")
            .orShould()
            .dependOnClassesThat()
            .haveSimpleNameEndingWith("V1")
            .orShould()
            .dependOnClassesThat()
            .haveSimpleName("WindowEvents");
}
