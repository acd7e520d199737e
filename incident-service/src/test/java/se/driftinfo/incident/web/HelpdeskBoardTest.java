package se.driftinfo.incident.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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
    void theBoardNeedsAFormLoginAndShowsTheRegionsOpenReportsAndActiveOutages() {
        String id = Requests.fileReport("kronoberg", "tele-q");
        String reference = Requests.operator()
                .when()
                .get("/api/fault-reports/" + id)
                .then()
                .extract()
                .path("reference");
        Requests.declareOutage("kronoberg", "tele-q");

        given().redirects()
                .follow(false)
                .when()
                .get("/helpdesk")
                .then()
                .statusCode(302)
                .header("Location", containsString("login.html"));
        given().redirects()
                .follow(false)
                .formParam("j_username", "operator")
                .formParam("j_password", "wrong")
                .when()
                .post("/j_security_check")
                .then()
                .statusCode(302)
                .header("Location", containsString("fel=1"));
        String session = given().redirects()
                .follow(false)
                .formParam("j_username", "operator")
                .formParam("j_password", "operator-demo")
                .when()
                .post("/j_security_check")
                .then()
                .statusCode(302)
                .extract()
                .cookie("quarkus-credential");
        assertNotNull(session);

        given().cookie("quarkus-credential", session)
                .queryParam("region", "kronoberg")
                .when()
                .get("/helpdesk")
                .then()
                .statusCode(200)
                .body(containsString(reference))
                .body(containsString("Driftstörning tele-q"))
                .body(not(containsString(">norrbotten<")));
    }

    @Test
    void staffInTestsReachThePagesThroughTheSharedSignIn() {
        se.driftinfo.infra.Staff.as("operator").get("/helpdesk").then().statusCode(200);
        se.driftinfo.infra.Staff.as("planner").get("/helpdesk").then().statusCode(403);
    }
}
