package se.driftinfo.notifier;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The notifier's own direction between features. The rules every service shares (no package cycles,
 * HTTP only in rest and web) are checked for all services by system-tests' ArchitectureTest.
 */
@AnalyzeClasses(packages = "se.driftinfo.notifier", importOptions = ImportOption.DoNotIncludeTests.class)
class NotifierArchitectureTest {

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
