package se.driftinfo.incident.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.driftinfo.contracts.EventSources;
import se.driftinfo.contracts.EventTypes;
import se.driftinfo.contracts.Topics;
import se.driftinfo.contracts.catalog.RegionV1;
import se.driftinfo.contracts.catalog.RegionV1.SupportHoursV1;
import se.driftinfo.contracts.catalog.RegionV1.SystemV1;
import se.driftinfo.incident.Requests;
import se.driftinfo.incident.Upstream;
import se.driftinfo.incident.report.FaultReport;
import se.driftinfo.infra.Forms;
import se.driftinfo.infra.InfraTestResource;
import se.driftinfo.infra.Staff;

/**
 * The helpdesk queue at /helpdesk, as an operator sees and uses it. Its reports are in a region of their
 * own (Region Gotland, open around the clock) with one system per test, so counts and order are this
 * test's alone and no outage of another test covers them.
 */
@QuarkusTest
@WithTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "incident"))
class HelpdeskQueueTest {

    private static final String REGION = "gotland";
    private static final RegionV1 GOTLAND = new RegionV1(
            REGION,
            "Region Gotland",
            "Europe/Stockholm",
            new SupportHoursV1(true, null, null),
            List.of(
                    new SystemV1("obx", "Obstetrix"),
                    new SystemV1("rosa", "Rosa journal"),
                    new SystemV1("procapita", "Procapita"),
                    new SystemV1("melior", "Melior"),
                    new SystemV1("tandis", "Tandvårdssystemet"),
                    new SystemV1("poll", "Pollux"),
                    new SystemV1("prio", "Priosystemet"),
                    new SystemV1("natverk", "Nätverket")));

    private static boolean published;

    @BeforeEach
    void catalog() {
        Upstream.catalog();
        synchronized (HelpdeskQueueTest.class) {
            if (!published) {
                Upstream.awaitProcessed(Upstream.send(
                        Topics.CATALOG, REGION, EventTypes.REGION_PUBLISHED, EventSources.MAINTENANCE, GOTLAND));
                published = true;
            }
        }
    }

    @Test
    void overdueReportsComeFirstWithTimeLeftInSupportHoursAndNamesNotCodes() {
        String later = Requests.fileReport(REGION, "rosa");
        String overdue = Requests.fileReport(REGION, "rosa");
        String waiting = Requests.fileReport(REGION, "rosa");
        setResponseDue(overdue, Instant.now().minus(Duration.ofMinutes(95)));
        patch(waiting, Map.of("impact", "MEDIUM", "status", "WAITING_FOR_REPORTER"));

        String page = operatorPage("region=" + REGION + "&system=rosa");
        int overdueAt = page.indexOf(reference(overdue));
        int laterAt = page.indexOf(reference(later));
        int waitingAt = page.indexOf(reference(waiting));
        assertTrue(overdueAt > 0 && laterAt > 0 && waitingAt > 0, page);
        assertTrue(overdueAt < laterAt, "overdue first");
        assertTrue(laterAt < waitingAt, "a paused clock after the running ones");
        assertTrue(page.contains("försenad 1 h 35 min"), "overdue by support time");
        assertTrue(page.contains("min kvar"), "time left");
        assertTrue(page.contains("pausad"), "a paused SLA clock");
        assertTrue(page.contains("<td>Region Gotland</td>"), "region name");
        assertTrue(page.contains("<td>Rosa journal</td>"), "system name");
        assertFalse(page.contains("<td>rosa</td>"), "never the system's code");
        assertFalse(page.contains("<td>gotland</td>"), "never the region's code");
        assertTrue(page.contains("<td>Väntar på anmälaren</td>"), "status in words");
        assertTrue(page.contains("href=\"/helpdesk/reports/" + overdue + "\""), "links to the report");
        assertTrue(page.contains("<label for=\"sel-" + overdue + "\" class=\"visually-hidden\">Markera "
                + reference(overdue) + "</label>"));
        assertTrue(page.contains("<caption>"));
        assertTrue(page.contains("<th scope=\"col\">SLA</th>"));
        assertTrue(page.contains("aria-live=\"polite\""));
        assertTrue(page.contains("<script src=\"/js/queue.js\" defer></script>"));
        assertFalse(page.contains("style="), "no inline style under the CSP");
        assertFalse(page.contains("<script>"), "no inline script under the CSP");
        given().get("/js/queue.js").then().statusCode(200).body(containsString("If-None-Match"));
        given().get("/css/queue.css").then().statusCode(200);
    }

    @Test
    void filtersNarrowTheQueueAndPagingCountsInTheDatabase() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 52; i++) {
            ids.add(Requests.fileReport(REGION, "procapita"));
        }
        String filter = "region=" + REGION + "&system=procapita";
        String first = operatorPage(filter);
        assertTrue(first.contains("visar 1–50 av 52"), first);
        assertTrue(first.contains("href=\"/helpdesk?region=gotland&amp;system=procapita&amp;page=2\""), first);
        assertTrue(first.contains("Ny: <span class=\"count\">52</span>"));
        String second = operatorPage(filter + "&page=2");
        assertTrue(second.contains("visar 51–52 av 52"), second);
        assertTrue(second.contains("rel=\"prev\""));
        assertFalse(second.contains("rel=\"next\""));

        String p1 = ids.get(0);
        String mine = ids.get(1);
        String provider = ids.get(2);
        patch(p1, Map.of("impact", "HIGH"));
        patch(mine, Map.of("assignee", "operator"));
        patch(provider, Map.of("responsibility", "PROVIDER"));

        String prio = operatorPage(filter + "&priority=P1");
        assertTrue(prio.contains(reference(p1)) && prio.contains("visar 1–1 av 1"), prio);
        String triaged = operatorPage(filter + "&status=TRIAGED");
        assertTrue(triaged.contains(reference(p1)) && triaged.contains("visar 1–1 av 1"), triaged);
        assertTrue(triaged.contains("Ny: <span class=\"count\">51</span>"));
        assertTrue(triaged.contains("Bedömd: <span class=\"count\">1</span>"));
        String mineOnly = operatorPage(filter + "&mine=1");
        assertTrue(mineOnly.contains(reference(mine)) && mineOnly.contains("visar 1–1 av 1"), mineOnly);
        String providers = operatorPage(filter + "&responsibility=PROVIDER");
        assertTrue(providers.contains(reference(provider)) && providers.contains("visar 1–1 av 1"), providers);

        Staff.as("operator")
                .queryParam("status", "SOMEDAY")
                .get("/helpdesk")
                .then()
                .statusCode(400)
                .body("invalid-params[0].name", equalTo("status"));
    }

    @Test
    void theLivePartAnswers304UntilANewReportArrives() {
        Requests.fileReport(REGION, "poll");
        String query = "/helpdesk/queue?region=" + REGION + "&system=poll";
        Response fresh = Staff.as("operator").get(query);
        fresh.then().statusCode(200).body(containsString("id=\"live\"")).body(not(containsString("<html")));
        String etag = fresh.header("ETag");
        assertNotNull(etag);
        // The clock's text moves on a minute boundary: then the copy did change, and one retry sees it settled.
        int unchanged =
                Staff.as("operator").header("If-None-Match", etag).get(query).statusCode();
        if (unchanged != 304) {
            etag = Staff.as("operator").get(query).header("ETag");
            unchanged = Staff.as("operator")
                    .header("If-None-Match", etag)
                    .get(query)
                    .statusCode();
        }
        assertEquals(304, unchanged);

        String added = Requests.fileReport(REGION, "poll");
        Response after = Staff.as("operator").header("If-None-Match", etag).get(query);
        after.then().statusCode(200).body(containsString(reference(added)));
        assertNotEquals(etag, after.header("ETag"));
    }

    @Test
    void bulkActionsLinkAssignAndMoveEachReportThatAllowsIt() {
        String triaged = Requests.fileReport(REGION, "melior");
        String fresh = Requests.fileReport(REGION, "melior");
        patch(triaged, Map.of("impact", "LOW"));
        String outage = Staff.as("operator")
                .contentType(ContentType.JSON)
                .body(Requests.outage(REGION, "natverk"))
                .post("/api/outages")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        try {
            String page = operatorPage("region=" + REGION + "&system=melior");
            assertTrue(page.contains("<option value=\"" + outage + "\">"), "active outages to link to");
            assertTrue(page.contains("href=\"/helpdesk/outages/" + outage + "\""), "active outages listed");
            assertTrue(page.contains("name=\"csrf\""), "forms carry the CSRF field");

            String back = bulk("link", Map.of("outage", outage), triaged, fresh);
            assertTrue(back.startsWith("/helpdesk?region=gotland&system=melior&"), back);
            assertTrue(operatorPage(back.substring("/helpdesk?".length()))
                    .contains("2 felanmälningar kopplades till driftstörningen."));
            assertEquals(outage, report(triaged).get("outageId"));
            assertEquals(outage, report(fresh).get("outageId"));

            bulk("assign", Map.of("assignee", "Kim Lind"), triaged, fresh);
            assertEquals("Kim Lind", report(triaged).get("assignee"));
            assertEquals("Kim Lind", report(fresh).get("assignee"));
            bulk("take", Map.of(), fresh);
            assertEquals("operator", report(fresh).get("assignee"));

            String moved = bulk("status", Map.of("status", "IN_PROGRESS"), triaged, fresh);
            assertEquals("IN_PROGRESS", report(triaged).get("status"));
            assertEquals("NEW", report(fresh).get("status"));
            String result = operatorPage(moved.substring("/helpdesk?".length()));
            assertTrue(result.contains("1 felanmälan fick ny status."), result);
            assertTrue(
                    result.contains(reference(fresh) + ": kan inte gå från Ny till Pågår. Tillåtet: Bedömd."), result);

            String none = Forms.form()
                    .header("Authorization", Staff.authorization("operator"))
                    .redirects()
                    .follow(false)
                    .formParam("action", "take")
                    .post("/helpdesk/bulk")
                    .then()
                    .statusCode(303)
                    .extract()
                    .header("Location");
            assertTrue(operatorPage(none.substring(none.indexOf('?') + 1)).contains("Välj minst en felanmälan"));

            // A signed-in browser whose form lacks the CSRF token (a post from another site) is refused.
            Staff.browser("operator", "/helpdesk")
                    .formParam("action", "take")
                    .formParam("reports", fresh)
                    .post("/helpdesk/bulk")
                    .then()
                    .statusCode(403);
        } finally {
            resolve(outage);
        }
    }

    @Test
    void acceptingABurstDeclaresTheOutageWithItsReportsAndDismissingHidesIt() {
        List<String> burst = List.of(
                Requests.fileReport(REGION, "obx"),
                Requests.fileReport(REGION, "obx"),
                Requests.fileReport(REGION, "obx"));
        String suggestion = suggestion("obx");
        String page = operatorPage("region=" + REGION);
        assertTrue(page.contains("action=\"/helpdesk/bursts/" + suggestion + "/accept\""), page);
        assertTrue(page.contains("Vi felsöker. Starta er reservrutin för Obstetrix."), "the message prefilled");
        assertTrue(page.contains("value=\"Driftstörning i Obstetrix\""), "the title prefilled");

        String location = Forms.form()
                .header("Authorization", Staff.authorization("operator"))
                .redirects()
                .follow(false)
                .formParam("title", "Obstetrix nere")
                .formParam("message", "Vi felsöker. Starta er reservrutin för Obstetrix.")
                .formParam("impact", "OUTAGE")
                .post("/helpdesk/bursts/" + suggestion + "/accept")
                .then()
                .statusCode(303)
                .extract()
                .header("Location");
        assertTrue(location.matches(".*/helpdesk/outages/[0-9a-f-]{36}$"), location);
        String outage = location.substring(location.length() - 36);
        try {
            List<String> linked = Staff.as("operator")
                    .get("/api/helpdesk/outages/" + outage)
                    .then()
                    .statusCode(200)
                    .extract()
                    .path("linkedReports");
            assertEquals(3, linked.size());
            assertTrue(linked.containsAll(
                    burst.stream().map(HelpdeskQueueTest::reference).toList()));
            assertFalse(operatorPage("region=" + REGION).contains("/helpdesk/bursts/" + suggestion));
        } finally {
            resolve(outage);
        }

        Requests.fileReport(REGION, "tandis");
        Requests.fileReport(REGION, "tandis");
        Requests.fileReport(REGION, "tandis");
        String other = suggestion("tandis");
        assertTrue(operatorPage("region=" + REGION).contains("/helpdesk/bursts/" + other + "/dismiss"));
        String dismissed = Forms.form()
                .header("Authorization", Staff.authorization("operator"))
                .redirects()
                .follow(false)
                .post("/helpdesk/bursts/" + other + "/dismiss")
                .then()
                .statusCode(303)
                .extract()
                .header("Location");
        String after = operatorPage(dismissed.substring(dismissed.indexOf('?') + 1));
        assertTrue(after.contains("Förslaget avfärdades."), after);
        assertFalse(after.contains("/helpdesk/bursts/" + other), "a dismissed suggestion is gone");
    }

    @Test
    void anOperatorLimitedToARegionSeesOnlyItAndIsRefusedAnother() {
        String id = Requests.fileReport(REGION, "prio");
        Staff.as("operator-norrbotten").get("/helpdesk?region=" + REGION).then().statusCode(403);
        Staff.as("operator-norrbotten")
                .get("/helpdesk/queue?region=" + REGION)
                .then()
                .statusCode(403);
        String page = Staff.as("operator-norrbotten")
                .get("/helpdesk?system=prio")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertFalse(page.contains(reference(id)), "another region's report");
        assertFalse(page.contains("Region Gotland"), "another region in the filter");
        assertTrue(page.contains("Region Norrbotten"));
        assertTrue(operatorPage("system=prio").contains(reference(id)), "an operator of every region sees it");
    }

    @Test
    void onlyOperatorsSeeTheQueue() {
        int anonymous = given().redirects().follow(false).get("/helpdesk").statusCode();
        assertNotEquals(200, anonymous);
        assertTrue(anonymous == 302 || anonymous == 303 || anonymous == 401, "sent to sign in: " + anonymous);
        assertNotEquals(
                200, given().redirects().follow(false).get("/helpdesk/queue").statusCode());
        Staff.as("planner").get("/helpdesk").then().statusCode(403);
        Staff.as("planner").get("/helpdesk/queue").then().statusCode(403);
        Forms.form()
                .header("Authorization", Staff.authorization("planner"))
                .redirects()
                .follow(false)
                .formParam("action", "take")
                .post("/helpdesk/bulk")
                .then()
                .statusCode(403);
        Staff.as("operator").get("/helpdesk").then().statusCode(200).header("Location", nullValue());
    }

    private static String operatorPage(String query) {
        // The query may come from a redirect, already encoded.
        return Staff.as("operator")
                .urlEncodingEnabled(false)
                .get("/helpdesk?" + query)
                .then()
                .statusCode(200)
                .extract()
                .asString();
    }

    /** Posts the bulk form as the page would, and returns where it redirects to. */
    private static String bulk(String action, Map<String, String> fields, String... reports) {
        var request = Forms.form()
                .header("Authorization", Staff.authorization("operator"))
                .redirects()
                .follow(false)
                .formParam("action", action)
                .formParam("q", "region=" + REGION + "&system=melior");
        fields.forEach(request::formParam);
        for (String id : reports) {
            request.formParam("reports", id);
        }
        String location =
                request.post("/helpdesk/bulk").then().statusCode(303).extract().header("Location");
        return location.substring(location.indexOf("/helpdesk?"));
    }

    private static Map<String, Object> report(String id) {
        return Staff.as("operator")
                .get("/api/fault-reports/" + id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("");
    }

    private static String reference(String id) {
        return (String) report(id).get("reference");
    }

    private static void patch(String id, Map<String, Object> change) {
        Staff.as("operator")
                .contentType(ContentType.JSON)
                .body(change)
                .patch("/api/fault-reports/" + id)
                .then()
                .statusCode(200);
    }

    private static String suggestion(String system) {
        List<Map<String, Object>> open = Staff.as("operator")
                .get("/api/outages/suggestions")
                .then()
                .statusCode(200)
                .body("system", hasItems(system))
                .extract()
                .jsonPath()
                .getList("findAll { it.region == '" + REGION + "' && it.system == '" + system + "' }");
        assertEquals(1, open.size());
        return (String) open.get(0).get("id");
    }

    private static void resolve(String outage) {
        Staff.as("operator")
                .contentType(ContentType.JSON)
                .body(Map.of("message", "Åtgärdat."))
                .post("/api/outages/" + outage + "/resolve")
                .then()
                .statusCode(200);
    }

    private static void setResponseDue(String id, Instant due) {
        QuarkusTransaction.requiringNew().run(() -> {
            FaultReport report = FaultReport.findById(UUID.fromString(id));
            report.responseDue = due;
        });
    }
}
