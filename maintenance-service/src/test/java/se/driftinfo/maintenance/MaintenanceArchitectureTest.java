package se.driftinfo.maintenance;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * maintenance-service's packages depend one way (rest → application → domain), and only the rest layer
 * knows HTTP: domain code throws the kit's domain exceptions and leaves status codes to its mappers.
 */
@AnalyzeClasses(packages = "se.driftinfo.maintenance", importOptions = ImportOption.DoNotIncludeTests.class)
class MaintenanceArchitectureTest {

    @ArchTest
    static final ArchRule packagesDependOneWay =
            slices().matching("se.driftinfo.maintenance.(**)").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule httpOnlyInRestAndWeb = noClasses()
            .that()
            .resideOutsideOfPackages("..rest..", "..web..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("jakarta.ws.rs..", "org.jboss.resteasy..", "se.driftinfo.kit.problem..");

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
