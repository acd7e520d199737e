package se.driftinfo.incident;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import se.driftinfo.infra.Staff;

/** Request bodies and calls the API tests share. */
public final class Requests {

    private Requests() {}

    public static Map<String, Object> report(String region, String system) {
        Map<String, Object> body = new HashMap<>();
        body.put("reporterHsaId", "SE2321000230-1234");
        body.put("unitName", "Hälsocentralen Kiruna");
        body.put("contactName", "Anna Berg");
        body.put("contactEmail", "reception@hc-kiruna.example");
        body.put("contactPhone", "0980-123 45");
        body.put("region", region);
        body.put("system", system);
        body.put("description", "Cosmic svarar inte sedan 07:45, inloggningen hänger sig.");
        body.put("urgency", "HIGH");
        return body;
    }

    public static String fileReport(String region, String system) {
        return provider()
                .contentType(ContentType.JSON)
                .body(report(region, system))
                .when()
                .post("/api/fault-reports")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    public static Map<String, Object> outage(String region, String... systems) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", "Driftstörning " + String.join(", ", systems));
        body.put("region", region);
        body.put("systems", List.of(systems));
        body.put("impact", "OUTAGE");
        body.put("message", "Vi felsöker. Starta reservrutinen.");
        return body;
    }

    public static String declareOutage(String region, String... systems) {
        return operator()
                .contentType(ContentType.JSON)
                .body(outage(region, systems))
                .when()
                .post("/api/outages")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    /** A care provider's own system, with the demo organisation's API key (SE2321000230-…). */
    public static RequestSpecification provider() {
        return given().header("X-Api-Key", "demo-provider-key");
    }

    public static RequestSpecification operator() {
        return Staff.as("operator");
    }
}
