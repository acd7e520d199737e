package se.driftinfo.incident.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.driftinfo.incident.Requests;
import se.driftinfo.incident.Upstream;
import se.driftinfo.incident.report.FaultReport;
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
        given().formParams(form())
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
        given().formParams(form)
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
        given().formParams(form)
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

    private static Map<String, String> form() {
        Map<String, String> form = new HashMap<>();
        form.put("reporterHsaId", "SE2321000230-1234");
        form.put("unitName", "Hälsocentralen Kiruna");
        form.put("contactName", "Anna Berg");
        form.put("contactEmail", "reception@hc-kiruna.example");
        form.put("system", "norrbotten/cosmic");
        form.put("description", "Cosmic hänger sig vid inloggning sedan 07:45.");
        form.put("urgency", "HIGH");
        return form;
    }
}
