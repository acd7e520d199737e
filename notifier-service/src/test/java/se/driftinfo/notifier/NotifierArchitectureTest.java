package se.driftinfo.notifier;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The notifier's packages depend one way, and only {@code rest} and {@code web} packages know HTTP. */
@AnalyzeClasses(packages = "se.driftinfo.notifier", importOptions = ImportOption.DoNotIncludeTests.class)
class NotifierArchitectureTest {

    @ArchTest
    static final ArchRule packagesAreFreeOfCycles =
            slices().matching("se.driftinfo.notifier.(**)").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule httpOnlyInRestAndWeb = noClasses()
            .that()
            .resideOutsideOfPackages("..rest..", "..web..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "jakarta.ws.rs..",
                    "org.jboss.resteasy..",
                    "io.vertx.core.http..",
                    "io.vertx.ext.web..",
                    "io.quarkus.vertx.http..",
                    "se.driftinfo.kit.problem..");

    /** The consumers announce changes; delivery observes them, never the other way round. */
    @ArchTest
    static final ArchRule readModelAndSubscriptionsKnowNothingOfDelivery = noClasses()
            .that()
            .resideInAnyPackage(
                    "se.driftinfo.notifier.window..",
                    "se.driftinfo.notifier.outage..",
                    "se.driftinfo.notifier.catalog..",
                    "se.driftinfo.notifier.subscription..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("se.driftinfo.notifier.delivery..");

    /** Everything that writes iCalendar is in {@code ical}; delivery does not reach into the feeds. */
    @ArchTest
    static final ArchRule deliveryDoesNotReachIntoFeeds = noClasses()
            .that()
            .resideInAPackage("se.driftinfo.notifier.delivery..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("se.driftinfo.notifier.feed..");
}
