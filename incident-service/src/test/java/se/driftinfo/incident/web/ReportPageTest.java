package se.driftinfo.incident.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.driftinfo.incident.Requests;
import se.driftinfo.incident.Upstream;
import se.driftinfo.infra.Forms;
import se.driftinfo.infra.InfraTestResource;
import se.driftinfo.infra.Staff;

/**
 * The helpdesk's page of one report: what it shows and each triage action as a form. Norrbotten's Cosmic:
 * no other test leaves an outage on it, so a report filed here is not linked (and resolved) behind our back.
 */
@QuarkusTest
@WithTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "incident"))
class ReportPageTest {

    private static final Pattern VERSION = Pattern.compile("name=\"version\" value=\"(\\d+)\"");

    @BeforeEach
    void catalog() {
        Upstream.catalog();
    }

    static String page(String id) {
        return Staff.as("operator")
                .when()
                .get("/helpdesk/reports/" + id)
                .then()
                .statusCode(200)
                .extract()
                .asString();
    }

    static String version(String id) {
        Matcher m = VERSION.matcher(page(id));
        m.find();
        return m.group(1);
    }

    static ValidatableResponse post(String id, String action, Map<String, String> fields) {
        return Forms.form()
                .header("Authorization", Staff.authorization("operator"))
                .redirects()
                .follow(false)
                .formParams(fields)
                .when()
                .post("/helpdesk/reports/" + id + "/" + action)
                .then();
    }

    /** Posts with the current version and expects the 303 back to the page with a confirmation. */
    static void act(String id, String action, Map<String, String> fields) {
        Map<String, String> withVersion = new java.util.HashMap<>(fields);
        withVersion.put("version", version(id));
        post(id, action, withVersion)
                .statusCode(303)
                .header("Location", containsString("/helpdesk/reports/" + id + "?klart="));
    }

    static ValidatableResponse api(String id) {
        return Staff.as("operator")
                .when()
                .get("/api/fault-reports/" + id)
                .then()
                .statusCode(200);
    }

    /** The status select's options: only what the transition table allows from the current status. */
    static String statusSelect(String html) {
        int start = html.indexOf("<select id=\"status\"");
        return start < 0 ? "" : html.substring(start, html.indexOf("</select>", start));
    }

    @Test
    void thePageShowsCatalogNamesTheMatrixAndOnlyTheAllowedTransitions() {
        String id = Requests.fileReport("norrbotten", "cosmic");
        String html = page(id);
        assertContains(html, "<dd id=\"region\">Region Norrbotten</dd>");
        assertContains(html, "<dd id=\"system\">Cosmic</dd>");
        assertContains(html, "Hälsocentralen Kiruna");
        assertContains(html, "Cosmic svarar inte sedan 07:45");
        assertContains(html, "<dd id=\"current-status\">Ny</dd>");
        assertContains(html, "<caption>Prioritet = påverkan × brådska");
        assertContains(html, "<th scope=\"col\">Brådska hög</th>");
        assertContains(html, "<input type=\"hidden\" name=\"csrf\" value=\"");
        assertContains(html, "<link rel=\"stylesheet\" href=\"/css/case.css\">");
        assertContains(html, "reporter SE2321000230-1234");
        String transitions = statusSelect(html);
        assertContains(transitions, "value=\"TRIAGED\">Bedömd");
        for (String forbidden : new String[] {"IN_PROGRESS", "RESOLVED", "CLOSED", "WAITING_FOR_REPORTER"}) {
            assertEquals(-1, transitions.indexOf("value=\"" + forbidden + "\""), forbidden + " offered from NEW");
        }
        assertEquals(-1, html.indexOf("style="), "no inline style");
        assertEquals(-1, html.indexOf("<script>"), "no inline script");
    }

    @Test
    void assessingSetsThePriorityHighlightsItInTheMatrixAndIsAudited() {
        String id = Requests.fileReport("norrbotten", "cosmic");
        act(id, "assessment", Map.of("impact", "HIGH", "urgency", "MEDIUM"));
        api(id).body("priority", equalTo("P2")).body("impact", equalTo("HIGH")).body("status", equalTo("TRIAGED"));
        String html = Staff.as("operator")
                .when()
                .get("/helpdesk/reports/" + id + "?klart=assessment")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertContains(html, "Bedömningen är sparad.");
        assertContains(html, "<td class=\"current\" aria-current=\"true\">P2");
        assertContains(html, "<td>Påverkan</td><td>–</td><td>Hög</td>");
        assertContains(html, "<td>Status</td><td>Ny</td><td>Bedömd</td>");
        // Triaged: now the table offers what follows TRIAGED.
        assertContains(statusSelect(html), "value=\"IN_PROGRESS\"");
    }

    @Test
    void everyTriageActionChangesTheReportAndAppearsInTheAuditTrail() {
        String id = Requests.fileReport("norrbotten", "cosmic");
        act(id, "assessment", Map.of("impact", "MEDIUM", "urgency", "HIGH"));
        act(id, "status", Map.of("status", "IN_PROGRESS"));
        act(id, "responsibility", Map.of("responsibility", "PROVIDER", "timeAmount", "1,5", "timeUnit", "HOURS"));
        act(id, "take", Map.of());
        api(id).body("assignee", equalTo("operator"));
        act(id, "assignee", Map.of("assignee", "kalle"));
        act(id, "comment", Map.of("comment", "Leverantören felsöker inloggningen."));
        api(id).body("status", equalTo("IN_PROGRESS"))
                .body("responsibility", equalTo("PROVIDER"))
                .body("timeSpentMinutes", equalTo(90))
                .body("billableMinutes", equalTo(90))
                .body("assignee", equalTo("kalle"))
                .body("comments.text", hasItem("Leverantören felsöker inloggningen."));

        String outage = Requests.declareOutage("norrbotten", "cosmic");
        try {
            act(id, "outage", Map.of("outageId", outage));
            api(id).body("outageId", equalTo(outage));
            assertContains(
                    page(id),
                    "<p id=\"linked-outage\">Kopplat till driftstörning <a href=\"/helpdesk/outages/" + outage);
            act(id, "outage/unlink", Map.of());
            api(id).body("outageId", nullValue());
        } finally {
            resolve(outage);
        }

        String html = page(id);
        assertContains(html, "<td>Status</td><td>Bedömd</td><td>Pågår</td>");
        assertContains(html, "<td>Ansvar</td><td>–</td><td>Leverantören</td>");
        assertContains(html, "<td>Tidsåtgång (min)</td><td>0</td><td>90</td>");
        assertContains(html, "<td>Handläggare</td><td>operator</td><td>kalle</td>");
        assertContains(html, "<td>Kommentar</td>");
        assertContains(html, "<td>Driftstörning</td><td>–</td><td>DS-");
        assertContains(html, "Leverantören felsöker inloggningen.");
        assertContains(html, "(debiterbart: 90 min)");
    }

    @Test
    void aForbiddenTransitionPostedAnywayIsAnErrorOnThePageNotAServerError() {
        String id = Requests.fileReport("norrbotten", "cosmic");
        String html = post(id, "status", Map.of("status", "CLOSED", "version", version(id)))
                .statusCode(409)
                .contentType(containsString("text/html"))
                .extract()
                .asString();
        assertContains(html, "Den statusändringen är inte tillåten. Från Ny kan ärendet gå till: Bedömd.");
        assertContains(
                html, "<select id=\"status\" name=\"status\" aria-invalid=\"true\" aria-describedby=\"status-error\">");
        api(id).body("status", equalTo("NEW"));
    }

    @Test
    void aStaleVersionIsRefusedWithAMessageToReload() {
        String id = Requests.fileReport("norrbotten", "cosmic");
        String seen = version(id);
        act(id, "assessment", Map.of("impact", "LOW", "urgency", "HIGH")); // someone else, in between
        String html = post(id, "comment", Map.of("comment", "Min ändring", "version", seen))
                .statusCode(409)
                .extract()
                .asString();
        assertContains(html, "ändrad av någon annan – ladda om");
        assertContains(html, "Min ändring"); // what was typed is kept
        api(id).body("comments", equalTo(java.util.List.of()));
        assertNotEquals(seen, version(id));
    }

    @Test
    void wrongValuesAreShownOnTheirFieldsAndPatientDataIsNotShownBack() {
        String id = Requests.fileReport("norrbotten", "cosmic");
        String blank = post(id, "comment", Map.of("comment", " ", "version", version(id)))
                .statusCode(400)
                .extract()
                .asString();
        assertContains(blank, "aria-describedby=\"comment-hint comment-error\" aria-invalid=\"true\"");
        assertContains(blank, "<p class=\"error\" id=\"comment-error\">Skriv en kommentar");

        String time = post(
                        id,
                        "responsibility",
                        Map.of("responsibility", "PROVIDER", "timeAmount", "en stund", "version", version(id)))
                .statusCode(400)
                .extract()
                .asString();
        assertContains(time, "<p class=\"error\" id=\"timeAmount-error\">");
        api(id).body("responsibility", nullValue());

        String patient = post(id, "comment", Map.of("comment", "Gäller 19121212-1212", "version", version(id)))
                .statusCode(400)
                .extract()
                .asString();
        assertContains(patient, "personnummer");
        assertEquals(-1, patient.indexOf("19121212-1212"));
    }

    @Test
    void waitingForTheReporterShowsTheSlaClockPaused() {
        String id = Requests.fileReport("norrbotten", "cosmic");
        assertEquals(-1, page(id).indexOf("SLA pausad"));
        act(id, "assessment", Map.of("impact", "MEDIUM", "urgency", "HIGH"));
        act(id, "status", Map.of("status", "WAITING_FOR_REPORTER"));
        api(id).body("slaPaused", equalTo(true));
        String html = page(id);
        assertContains(html, "<strong>SLA pausad</strong> – väntar på anmälaren sedan");
        assertContains(html, "pausad, ");
        assertContains(html, "<dd id=\"current-status\">Väntar på anmälaren</dd>");
    }

    @Test
    void anonymousIsSentToSignInAPlannerIsRefusedAndAFormWithoutItsTokenIsRefused() {
        String id = Requests.fileReport("norrbotten", "cosmic");
        int anonymous = given().redirects()
                .follow(false)
                .when()
                .get("/helpdesk/reports/" + id)
                .then()
                .extract()
                .statusCode();
        assertNotEquals(200, anonymous);
        Staff.as("planner").when().get("/helpdesk/reports/" + id).then().statusCode(403);
        // A signed-in browser whose form lacks the CSRF token (a post from another site) is refused.
        Staff.browser("operator", "/helpdesk")
                .formParam("comment", "utan token")
                .formParam("version", version(id))
                .when()
                .post("/helpdesk/reports/" + id + "/comment")
                .then()
                .statusCode(403);
        api(id).body("comments", equalTo(java.util.List.of()));
    }

    @Test
    void anOperatorOfAnotherRegionGets403() {
        String id = Requests.fileReport("kronoberg", "cosmic");
        Staff.as("operator-norrbotten")
                .when()
                .get("/helpdesk/reports/" + id)
                .then()
                .statusCode(403);
        // A browser is shown a page that says so, not the API's problem details.
        Staff.as("operator-norrbotten")
                .accept("text/html,application/xhtml+xml")
                .get("/helpdesk/reports/" + id)
                .then()
                .statusCode(403)
                .contentType(org.hamcrest.Matchers.containsString("text/html"))
                .body(org.hamcrest.Matchers.containsString("<html lang=\"sv\">"))
                .body(org.hamcrest.Matchers.containsString("<h1>Du har inte behörighet</h1>"));
        Forms.form()
                .header("Authorization", Staff.authorization("operator-norrbotten"))
                .formParam("comment", "Inte min region")
                .formParam("version", "0")
                .when()
                .post("/helpdesk/reports/" + id + "/comment")
                .then()
                .statusCode(403);
        api(id).body("comments", equalTo(java.util.List.of()));
    }

    static void resolve(String outage) {
        Staff.as("operator")
                .contentType(ContentType.JSON)
                .body(Map.of("message", "Klart"))
                .when()
                .post("/api/outages/" + outage + "/resolve");
    }

    static void assertContains(String html, String expected) {
        if (!html.contains(expected)) {
            throw new AssertionError("Expected the page to contain:\n  " + expected + "\nPage:\n" + html);
        }
    }
}
