package se.driftinfo.incident.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static se.driftinfo.incident.web.ReportPageTest.assertContains;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.driftinfo.incident.Requests;
import se.driftinfo.incident.Upstream;
import se.driftinfo.infra.Forms;
import se.driftinfo.infra.InfraTestResource;
import se.driftinfo.infra.Staff;

/**
 * The outage pages: declare (with the notice's preview), the timeline, an update, the linked reports and
 * resolving them with the outage. Each test resolves what it declares, so later reports on Norrbotten's
 * Cosmic are not linked to it.
 */
@QuarkusTest
@WithTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "incident"))
class OutagePagesTest {

    @BeforeEach
    void catalog() {
        Upstream.catalog();
    }

    static RequestSpecification form() {
        return Forms.form()
                .header("Authorization", Staff.authorization("operator"))
                .redirects()
                .follow(false);
    }

    static String get(String path) {
        return Staff.as("operator")
                .when()
                .get(path)
                .then()
                .statusCode(200)
                .extract()
                .asString();
    }

    @Test
    void declaringPreviewsTheNoticeThenShowsTheTimelineAndResolvingResolvesTheLinkedReports() {
        String empty = get("/helpdesk/outages/new");
        assertContains(empty, "Vi felsöker felet. Starta er reservrutin för berörda system.");
        assertContains(empty, "<label for=\"system-norrbotten-cosmic\">Cosmic</label>");
        assertContains(empty, "<script src=\"/js/case.js\" defer></script>");

        String preview = form().formParam("title", "Cosmic går inte att logga in i")
                .formParam("systems", "norrbotten/cosmic")
                .formParam("impact", "OUTAGE")
                .formParam(
                        "message",
                        "Vi felsöker felet. Starta er reservrutin för berörda system. Vi meddelar när felet är åtgärdat.")
                .formParam("action", "preview")
                .when()
                .post("/helpdesk/outages/new")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertContains(preview, "<h2 id=\"notice-heading\">Förhandsvisning</h2>");
        assertContains(preview, "Driftstörning: <span data-preview=\"title\">Cosmic går inte att logga in i</span>");
        assertContains(
                preview,
                "<span data-preview=\"systems\">Cosmic</span> i <span data-preview=\"region\">Region Norrbotten</span>");
        assertContains(preview, "Starta er reservrutin för Cosmic.");
        assertContains(
                preview,
                "id=\"system-norrbotten-cosmic\" name=\"systems\" value=\"norrbotten/cosmic\" data-region=\"Region Norrbotten\" data-name=\"Cosmic\" checked");

        String location = form().formParam("title", "Cosmic går inte att logga in i")
                .formParam("systems", "norrbotten/cosmic")
                .formParam("impact", "OUTAGE")
                .formParam("message", "Vi felsöker felet. Starta er reservrutin för Cosmic.")
                .formParam("action", "declare")
                .when()
                .post("/helpdesk/outages/new")
                .then()
                .statusCode(303)
                .extract()
                .header("Location");
        String outage = location.replaceAll(".*/helpdesk/outages/([0-9a-f-]{36}).*", "$1");
        try {
            Staff.as("operator")
                    .when()
                    .get("/api/outages/" + outage)
                    .then()
                    .body("systems", equalTo(java.util.List.of("cosmic")));
            String declared = get("/helpdesk/outages/" + outage + "?klart=declared");
            assertContains(declared, "Driftstörningen är deklarerad.");
            assertContains(declared, "<strong>Deklarerad</strong> – Felsöker");
            assertContains(declared, "Vi felsöker felet. Starta er reservrutin för Cosmic.");
            assertContains(get("/helpdesk/outages"), "<a href=\"/helpdesk/outages/" + outage + "\">");

            form().formParam("status", "IDENTIFIED")
                    .formParam("message", "Certifikatet har gått ut; nytt beställt.")
                    .when()
                    .post("/helpdesk/outages/" + outage + "/updates")
                    .then()
                    .statusCode(303)
                    .header("Location", containsString("klart=update"));

            String report = Requests.fileReport("norrbotten", "cosmic"); // covered on arrival: linked
            String reference = Staff.as("operator")
                    .when()
                    .get("/api/fault-reports/" + report)
                    .then()
                    .body("outageId", equalTo(outage))
                    .extract()
                    .path("reference");
            String timeline = get("/helpdesk/outages/" + outage);
            assertContains(timeline, "<strong>Uppdatering</strong> – Orsaken hittad");
            assertContains(timeline, "Certifikatet har gått ut; nytt beställt.");
            assertContains(timeline, "<a href=\"/helpdesk/reports/" + report + "\">" + reference + "</a>");

            form().formParam("resolution", "Nytt certifikat installerat. Ni kan avsluta reservrutinen.")
                    .when()
                    .post("/helpdesk/outages/" + outage + "/resolve")
                    .then()
                    .statusCode(303)
                    .header("Location", containsString("klart=resolved"));
            Staff.as("operator")
                    .when()
                    .get("/api/fault-reports/" + report)
                    .then()
                    .body("status", equalTo("RESOLVED"));
            String resolved = get("/helpdesk/outages/" + outage);
            assertContains(resolved, "<strong>Löst</strong> – Löst");
            assertContains(resolved, "Nytt certifikat installerat.");
            assertEquals(-1, resolved.indexOf("/resolve\""), "a resolved outage offers no resolve form");
            String list = get("/helpdesk/outages");
            assertContains(list.substring(list.indexOf("<table id=\"resolved\">")), outage);
        } finally {
            ReportPageTest.resolve(outage);
        }
    }

    @Test
    void aReportIsUnlinkedFromTheOutagePage() {
        String outage = Requests.declareOutage("norrbotten", "cosmic");
        try {
            String report = Requests.fileReport("norrbotten", "cosmic");
            Staff.as("operator")
                    .when()
                    .get("/api/fault-reports/" + report)
                    .then()
                    .body("outageId", equalTo(outage));
            form().when()
                    .post("/helpdesk/outages/" + outage + "/reports/" + report + "/unlink")
                    .then()
                    .statusCode(303);
            Staff.as("operator")
                    .when()
                    .get("/api/fault-reports/" + report)
                    .then()
                    .body("outageId", nullValue());
            assertContains(get("/helpdesk/outages/" + outage), "Inga kopplade felanmälningar.");
        } finally {
            ReportPageTest.resolve(outage);
        }
    }

    @Test
    void wrongFieldsAreShownOnTheFieldsAndNothingIsDeclared() {
        int before =
                Staff.as("operator").when().get("/api/outages").then().extract().path("size()");
        String html = form().formParam("title", "")
                .formParam("impact", "OUTAGE")
                .formParam("message", "")
                .formParam("action", "declare")
                .when()
                .post("/helpdesk/outages/new")
                .then()
                .statusCode(400)
                .extract()
                .asString();
        assertContains(
                html,
                "<input id=\"title\" name=\"title\" maxlength=\"200\" value=\"\" required aria-invalid=\"true\" aria-describedby=\"title-error\">");
        assertContains(html, "<p class=\"error\" id=\"systems-error\">");
        assertContains(html, "<p class=\"error\" id=\"message-error\">");
        int after =
                Staff.as("operator").when().get("/api/outages").then().extract().path("size()");
        assertEquals(before, after);
    }

    @Test
    void anonymousIsSentToSignInAPlannerAndAnOperatorOfAnotherRegionAreRefused() {
        int anonymous = given().redirects()
                .follow(false)
                .when()
                .get("/helpdesk/outages")
                .then()
                .extract()
                .statusCode();
        assertNotEquals(200, anonymous);
        Staff.as("planner").when().get("/helpdesk/outages").then().statusCode(403);

        String outage = Requests.declareOutage("kronoberg", "tele-q");
        try {
            Staff.as("operator-norrbotten")
                    .when()
                    .get("/helpdesk/outages/" + outage)
                    .then()
                    .statusCode(403);
            String list = Staff.as("operator-norrbotten")
                    .when()
                    .get("/helpdesk/outages")
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString();
            assertEquals(-1, list.indexOf(outage), "another region's outage is not listed");
            Forms.form()
                    .header("Authorization", Staff.authorization("operator-norrbotten"))
                    .formParam("resolution", "Inte min region")
                    .when()
                    .post("/helpdesk/outages/" + outage + "/resolve")
                    .then()
                    .statusCode(403);
            Staff.as("operator").when().get("/api/outages/" + outage).then().body("resolvedAt", nullValue());
        } finally {
            ReportPageTest.resolve(outage);
        }
    }
}
