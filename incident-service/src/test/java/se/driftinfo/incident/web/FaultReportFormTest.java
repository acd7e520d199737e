package se.driftinfo.incident.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.driftinfo.incident.Requests;
import se.driftinfo.incident.Upstream;
import se.driftinfo.incident.report.FaultReport;
import se.driftinfo.infra.Forms;
import se.driftinfo.infra.InfraTestResource;

@QuarkusTest
@WithTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "incident"))
class FaultReportFormTest {

    @BeforeEach
    void catalog() {
        Upstream.catalog();
    }

    @Test
    void theFormOffersTheSystemsOfTheCatalogWithoutAnAccount() {
        given().when()
                .get("/felanmalan")
                .then()
                .statusCode(200)
                .contentType(containsString("text/html"))
                .body(containsString("<h1>Felanmälan</h1>"))
                .body(containsString("value=\"norrbotten/cosmic\""))
                .body(containsString("value=\"kronoberg/tele-q\""));
    }

    @Test
    void aFilledInFormGivesTheReferenceAndWhenTheHelpdeskAnswers() {
        Forms.form()
                .formParams(form())
                .when()
                .post("/felanmalan")
                .then()
                .statusCode(200)
                .body(matchesPattern("(?s).*<strong id=\"reference\">FR-20\\d\\d-\\d{6}</strong>.*"))
                .body(containsString("Helpdesken svarar senast"));
    }

    @Test
    void aFormDuringAnOutageTellsTheClinicToStartItsReserveRoutine() {
        Requests.declareOutage("kronoberg", "cosmic");
        Map<String, String> form = form();
        form.put("system", "kronoberg/cosmic");
        Forms.form()
                .formParams(form)
                .when()
                .post("/felanmalan")
                .then()
                .statusCode(200)
                .body(containsString("Starta er reservrutin"));
    }

    @Test
    void patientDataIsRejectedInSwedishNotShownBackAndNotStored() {
        long before = QuarkusTransaction.requiringNew().call(() -> FaultReport.count());
        Map<String, String> form = form();
        form.put("description", "Journalen för 198112189876 går inte att öppna i Cosmic.");
        form.put("contactEmail", "fel");
        Forms.form()
                .formParams(form)
                .when()
                .post("/felanmalan")
                .then()
                .statusCode(400)
                .body(containsString("personnummer eller samordningsnummer"))
                .body(containsString("Ange en e-postadress"))
                .body(not(containsString("198112189876")))
                .body(containsString("value=\"Hälsocentralen Kiruna\""));
        assertEquals(before, QuarkusTransaction.requiringNew().call(() -> FaultReport.count()));
    }

    @Test
    void gap13_theAnonymousFormCannotReportForAUnitOfAProviderThatReportsThroughItsOwnSystem() {
        // The demo provider (organisation 2321000230) has an API key: its units are its system's to report for.
        Map<String, String> form = form();
        form.put("reporterHsaId", "SE2321000230-0077");
        long before = QuarkusTransaction.requiringNew().call(() -> FaultReport.count());
        Forms.form()
                .formParams(form)
                .when()
                .post("/felanmalan")
                .then()
                .statusCode(400)
                .contentType(containsString("text/html"))
                .body(containsString("aria-invalid=\"true\" aria-describedby=\"reporterHsaId-error\""))
                .body(containsString("anmäler fel via organisationens eget system"))
                .body(not(containsString("id=\"reference\"")));
        assertEquals(before, QuarkusTransaction.requiringNew().call(() -> FaultReport.count()));

        // The same unit through its provider's system, or phoned in to the helpdesk, is received.
        Map<String, Object> body = Requests.report("norrbotten", "cosmic");
        body.put("reporterHsaId", "SE2321000230-0077");
        Requests.provider()
                .contentType(io.restassured.http.ContentType.JSON)
                .body(body)
                .post("/api/fault-reports")
                .then()
                .statusCode(201);
        Requests.operator()
                .contentType(io.restassured.http.ContentType.JSON)
                .body(body)
                .post("/api/fault-reports")
                .then()
                .statusCode(201);
        // A unit of an organisation without a key of its own reports on the form.
        Forms.form()
                .formParams(form())
                .when()
                .post("/felanmalan")
                .then()
                .statusCode(200)
                .body(containsString("<strong id=\"reference\">FR-"));
    }

    @Test
    void theFullFourThousandCharacterDescriptionIsReceived() {
        // Swedish letters are 2 bytes and an emoji 4 in UTF-8: about 24,000 bytes once URL-encoded.
        Map<String, String> form = form();
        form.put("description", description(4000));
        // As a browser sends it (accept-charset="utf-8"); REST Assured's default would be ISO-8859-1.
        Forms.form()
                .contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParams(form)
                .when()
                .post("/felanmalan")
                .then()
                .statusCode(200)
                .body(containsString("<strong id=\"reference\">FR-"));
    }

    @Test
    void aLongerDescriptionIsRefusedOnTheFieldAndKept() {
        Map<String, String> form = form();
        form.put("description", description(4001));
        Forms.form()
                .contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParams(form)
                .when()
                .post("/felanmalan")
                .then()
                .statusCode(400)
                .contentType(containsString("text/html"))
                .body(containsString("<span class=\"error\">Beskriv felet med 10–4000 tecken.</span>"))
                .body(containsString("Växeln på vårdcentralen i Överkalix"));
    }

    @Test
    void theFormCarriesItsOwnTokenAndAPostFromElsewhereIsRefusedAndNotStored() {
        Response page = given().get("/felanmalan");
        String cookie = page.getCookie("csrf");
        Matcher field = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(page.asString());
        assertTrue(field.find(), "the form has a hidden csrf field");
        given().cookie("csrf", cookie)
                .formParam("csrf", field.group(1))
                .formParams(form())
                .post("/felanmalan")
                .then()
                .statusCode(200)
                .body(containsString("<strong id=\"reference\">FR-"));

        long before = QuarkusTransaction.requiringNew().call(() -> FaultReport.count());
        given().formParams(form())
                .accept("text/html")
                .post("/felanmalan")
                .then()
                .statusCode(403);
        assertEquals(before, QuarkusTransaction.requiringNew().call(() -> FaultReport.count()));
    }

    /** Exactly {@code length} UTF-16 units (as @Size counts) of Swedish text with a 4-byte emoji. */
    private static String description(int length) {
        String text = "Växeln på vårdcentralen i Överkalix ringer inte fram till journalsystemet, "
                + "skärmen blir grå 😟 och åtgärden måste göras om. ";
        String repeated = text.repeat(length / text.length() + 1);
        String cut = repeated.substring(0, length);
        // End on a letter: not halfway through the emoji's surrogate pair, nor on a space the form would strip.
        return cut.substring(0, length - 1) + "x";
    }

    static Map<String, String> form() {
        Map<String, String> form = new HashMap<>();
        // Region Kronoberg's organisation: it has no API key, so its units report on the form (gap 13).
        form.put("reporterHsaId", "SE2321000065-1234");
        form.put("unitName", "Hälsocentralen Kiruna");
        form.put("contactName", "Anna Berg");
        // An address of its own per form: the form mails each a receipt, and receipts per address are limited.
        form.put("contactEmail", "reception-" + java.util.UUID.randomUUID() + "@hc-kiruna.example");
        form.put("system", "norrbotten/cosmic");
        form.put("description", "Cosmic hänger sig vid inloggning sedan 07:45.");
        form.put("urgency", "HIGH");
        return form;
    }
}
