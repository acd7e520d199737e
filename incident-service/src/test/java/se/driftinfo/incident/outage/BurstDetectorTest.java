package se.driftinfo.incident.outage;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.driftinfo.incident.Requests;
import se.driftinfo.incident.Upstream;
import se.driftinfo.infra.InfraTestResource;

/** Burst settings in application.properties: 3 reports within 15 minutes. */
@QuarkusTest
@WithTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "incident"))
class BurstDetectorTest {

    @BeforeEach
    void catalog() {
        Upstream.catalog();
    }

    @Test
    void threeReportsForOneSystemWithNoOutageSuggestOneUntilItIsDeclared() {
        Requests.fileReport("norrbotten", "picsara");
        Requests.fileReport("norrbotten", "picsara");
        Requests.operator()
                .when()
                .get("/api/outages/suggestions")
                .then()
                .statusCode(200)
                .body("system", not(hasItem("picsara")));

        Requests.fileReport("norrbotten", "picsara");
        Requests.operator()
                .when()
                .get("/api/outages/suggestions")
                .then()
                .body("find { it.system == 'picsara' }.region", equalTo("norrbotten"))
                .body("find { it.system == 'picsara' }.reportCount", equalTo(3));
        Requests.fileReport("norrbotten", "picsara");
        Requests.operator()
                .when()
                .get("/api/outages/suggestions")
                .then()
                .body("find { it.system == 'picsara' }.reportCount", equalTo(4));

        Requests.declareOutage("norrbotten", "picsara");
        Requests.operator().when().get("/api/outages/suggestions").then().body("system", not(hasItem("picsara")));
    }

    @Test
    void reportsOfASystemWithADeclaredOutageSuggestNothing() {
        Requests.declareOutage("norrbotten", "webcert");
        for (int i = 0; i < 4; i++) {
            Requests.fileReport("norrbotten", "webcert");
        }
        Requests.operator().when().get("/api/outages/suggestions").then().body("system", not(hasItem("webcert")));
    }
}
