package se.driftinfo.incident.outage;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.driftinfo.incident.Requests;
import se.driftinfo.incident.Upstream;
import se.driftinfo.infra.InfraTestResource;

/** The helpdesk accepts a burst suggestion (declares the outage, reports linked) or dismisses it. */
@QuarkusTest
@WithTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "incident"))
class BurstSuggestionApiTest {

    private static final Map<String, Object> ACCEPTANCE =
            Map.of("title", "Tidbok nere", "message", "Vi felsöker. Starta reservrutinen.", "impact", "OUTAGE");

    @BeforeEach
    void catalog() {
        Upstream.catalog();
    }

    @Test
    void acceptingDeclaresTheOutageWithTheBurstsReportsLinked() {
        String first = reference(Requests.fileReport("kronoberg", "tidbok"));
        String second = reference(Requests.fileReport("kronoberg", "tidbok"));
        String third = reference(Requests.fileReport("kronoberg", "tidbok"));
        String suggestion = suggestion("tidbok");

        given().contentType(ContentType.JSON)
                .body(ACCEPTANCE)
                .when()
                .post("/api/bursts/" + suggestion + "/accept")
                .then()
                .statusCode(401);
        Requests.operator()
                .contentType(ContentType.JSON)
                .body(Map.of("message", "Vi felsöker."))
                .when()
                .post("/api/bursts/" + suggestion + "/accept")
                .then()
                .statusCode(400)
                .body("invalid-params.name", contains("impact", "title"));

        String outage = Requests.operator()
                .contentType(ContentType.JSON)
                .body(ACCEPTANCE)
                .when()
                .post("/api/bursts/" + suggestion + "/accept")
                .then()
                .statusCode(201)
                .body("linkedReports", hasItems(first, second, third))
                .extract()
                .path("outageId");
        Requests.operator()
                .when()
                .get("/api/helpdesk/outages/" + outage)
                .then()
                .body("region", equalTo("kronoberg"))
                .body("systems", contains("tidbok"))
                .body("title", equalTo("Tidbok nere"))
                .body("linkedReports", hasItems(first, second, third));
        Requests.operator().when().get("/api/outages/suggestions").then().body("system", not(hasItem("tidbok")));
        Requests.operator()
                .contentType(ContentType.JSON)
                .body(ACCEPTANCE)
                .when()
                .post("/api/bursts/" + suggestion + "/accept")
                .then()
                .statusCode(409);
    }

    @Test
    void aDismissedSuggestionStaysDismissedUntilMoreReportsArrive() {
        for (int i = 0; i < 3; i++) {
            Requests.fileReport("kronoberg", "labbsvar");
        }
        String suggestion = suggestion("labbsvar");
        given().when().post("/api/bursts/" + suggestion + "/dismiss").then().statusCode(401);
        Requests.operator()
                .when()
                .post("/api/bursts/" + suggestion + "/dismiss")
                .then()
                .statusCode(200)
                .body("status", equalTo("DISMISSED"));
        Requests.operator().when().get("/api/outages/suggestions").then().body("system", not(hasItem("labbsvar")));
        Requests.operator()
                .when()
                .post("/api/bursts/" + suggestion + "/dismiss")
                .then()
                .statusCode(409);
        Requests.operator()
                .when()
                .post("/api/bursts/" + java.util.UUID.randomUUID() + "/dismiss")
                .then()
                .statusCode(404);

        Requests.fileReport("kronoberg", "labbsvar");
        Requests.operator()
                .when()
                .get("/api/outages/suggestions")
                .then()
                .body("find { it.system == 'labbsvar' }.reportCount", equalTo(4));
    }

    private static String reference(String id) {
        return Requests.operator()
                .when()
                .get("/api/fault-reports/" + id)
                .then()
                .extract()
                .path("reference");
    }

    private static String suggestion(String system) {
        return Requests.operator()
                .when()
                .get("/api/outages/suggestions")
                .then()
                .statusCode(200)
                .extract()
                .path("find { it.system == '" + system + "' && it.region == 'kronoberg' }.id");
    }
}
