package se.driftinfo.notifier.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import se.driftinfo.contracts.EventTypes;
import se.driftinfo.contracts.Topics;
import se.driftinfo.contracts.incident.OutageEventV1;
import se.driftinfo.contracts.incident.OutageEventV1.OutageV1;
import se.driftinfo.infra.InfraTestResource;
import se.driftinfo.notifier.Events;
import se.driftinfo.notifier.Eventually;
import se.driftinfo.notifier.Mailbox;
import se.driftinfo.notifier.Mails;

@QuarkusTest
@WithTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "notifier"))
class DriftinfoPageTest {

    @Test
    void pageShowsActiveOutagesComingMaintenanceAndSubscribeLinks() {
        String region = "page-" + UUID.randomUUID().toString().substring(0, 8);
        Events.region(region, "sjunet");
        String outageTitle = "Sjunet nere " + UUID.randomUUID();
        UUID outageId = UUID.randomUUID();
        Instant started = Instant.now().minus(Duration.ofMinutes(20)).truncatedTo(ChronoUnit.SECONDS);
        Events.publish(
                Topics.INCIDENTS,
                outageId.toString(),
                EventTypes.OUTAGE_DECLARED,
                new OutageEventV1(
                        new OutageV1(
                                outageId,
                                "DS-1",
                                outageTitle,
                                region,
                                List.of("sjunet"),
                                "OUTAGE",
                                "INVESTIGATING",
                                started,
                                null,
                                0,
                                started),
                        new OutageEventV1.StatusUpdateV1("INVESTIGATING", "Vi felsöker", started)));
        String windowTitle = "Byte av brandvägg " + UUID.randomUUID();
        LocalDateTime start =
                LocalDateTime.now(ZoneId.of("Europe/Stockholm")).plusDays(3).truncatedTo(ChronoUnit.HOURS);
        Events.window(
                EventTypes.WINDOW_SCHEDULED,
                new se.driftinfo.contracts.maintenance.WindowEventV1.WindowV1(
                        UUID.randomUUID(),
                        0,
                        windowTitle,
                        null,
                        region,
                        List.of("sjunet"),
                        "Europe/Stockholm",
                        start,
                        start.plusHours(2),
                        null,
                        "SCHEDULED",
                        List.of(),
                        null,
                        Instant.now()),
                null);

        String page = Eventually.until(
                Duration.ofSeconds(20),
                "outage and window on the page",
                () -> given().get("/driftinfo").then().statusCode(200).extract().asString(),
                html -> html.contains(outageTitle) && html.contains(windowTitle));
        assertTrue(page.contains("webcal://localhost:8083/feeds/regions/" + region + ".ics"), "webcal link");
        assertTrue(page.contains(
                "https://calendar.google.com/calendar/render?cid=http%3A%2F%2Flocalhost%3A8083%2Ffeeds%2Fall.ics"));
        assertTrue(page.contains("https://outlook.office.com/calendar/0/addfromweb?url="));
        assertTrue(page.contains("Region " + region));

        String email = "page-" + UUID.randomUUID() + "@hc.example";
        given().contentType("application/x-www-form-urlencoded")
                .formParam("email", email)
                .formParam("regions", region)
                .formParam("language", "en")
                .when()
                .post("/driftinfo/subscribe")
                .then()
                .statusCode(200)
                .body(containsString(email));
        assertEquals(
                "Confirm your Driftinfo subscription",
                Mails.subject(Mailbox.await(email, 1).get(0)));

        given().contentType("application/x-www-form-urlencoded")
                .formParam("email", "nope")
                .formParam("regions", region)
                .formParam("language", "sv")
                .when()
                .post("/driftinfo/subscribe")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("invalid-params.name", hasItem("email"));
    }

    @Test
    void thePageIsSwedishByDefaultAndEnglishOnRequestWithALinkToTheOther() {
        given().get("/driftinfo")
                .then()
                .statusCode(200)
                .body(containsString("<html lang=\"sv\">"))
                .body(containsString("<h2>Pågående driftstörningar</h2>"))
                .body(containsString("<h2>Kommande underhåll</h2>"))
                .body(containsString("href=\"/driftinfo?lang=en\" hreflang=\"en\" lang=\"en\">In English</a>"));
        given().queryParam("lang", "en")
                .get("/driftinfo")
                .then()
                .statusCode(200)
                .body(containsString("<html lang=\"en\">"))
                .body(containsString("<h2>Current outages</h2>"))
                .body(containsString("<h2>Coming maintenance</h2>"))
                .body(containsString("<button type=\"submit\">Subscribe</button>"))
                .body(containsString("<option value=\"en\" selected>English</option>"))
                .body(containsString("href=\"/driftinfo?lang=sv\" hreflang=\"sv\" lang=\"sv\">På svenska</a>"))
                .body(not(containsString("Pågående driftstörningar")));
    }

    @Test
    void aBrowserThatPrefersEnglishGetsEnglishAndTheLinkStillWins() {
        given().header("Accept-Language", "en-GB,en;q=0.9,sv;q=0.5")
                .get("/driftinfo")
                .then()
                .body(containsString("<html lang=\"en\">"))
                .body(containsString("Current outages"));
        given().header("Accept-Language", "sv-SE,sv;q=0.9,en;q=0.5")
                .get("/driftinfo")
                .then()
                .body(containsString("<html lang=\"sv\">"));
        given().header("Accept-Language", "en-GB")
                .queryParam("lang", "sv")
                .get("/driftinfo")
                .then()
                .body(containsString("Pågående driftstörningar"));
    }
}
