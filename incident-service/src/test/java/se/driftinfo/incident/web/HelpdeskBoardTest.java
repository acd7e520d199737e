package se.driftinfo.incident.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import se.driftinfo.incident.Requests;
import se.driftinfo.incident.Upstream;
import se.driftinfo.infra.InfraTestResource;

@QuarkusTest
@WithTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "incident"))
class HelpdeskBoardTest {

    @BeforeEach
    void catalog() {
        Upstream.catalog();
    }

    @Test
    void theBoardShowsOpenReportsOfTheRegionAndActiveOutagesToOperatorsOnly() {
        String id = Requests.fileReport("kronoberg", "tele-q");
        String reference = Requests.operator().when().get("/api/fault-reports/" + id).then().extract().path("reference");
        Requests.declareOutage("kronoberg", "tele-q");

        given().when().get("/helpdesk").then().statusCode(401);
        Requests.operator().queryParam("region", "kronoberg").when().get("/helpdesk").then()
                .statusCode(200)
                .body(containsString(reference))
                .body(containsString("Driftstörning tele-q"))
                .body(not(containsString(">norrbotten<")));
    }
}
