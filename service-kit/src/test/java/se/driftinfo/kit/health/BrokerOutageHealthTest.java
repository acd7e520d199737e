package se.driftinfo.kit.health;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * Gap 8: with no broker answering, the pod still serves what it can (database up), so readiness and
 * liveness stay UP; Kafka's state is still visible, in its own health group.
 */
@QuarkusTest
@WithTestResource(NoBrokerResource.class)
class BrokerOutageHealthTest {

    @Test
    void readinessAndLivenessStayUpWhileKafkaIsDown() {
        given().get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("Database connections health check"));
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/started").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/ready").then().body("checks.name", not(hasItem("Kafka connection health check")));
    }

    @Test
    void kafkasStateIsReportedInItsOwnGroup() {
        given().get("/q/health/group/kafka")
                .then()
                .statusCode(503)
                .body("status", equalTo("DOWN"))
                .body("checks[0].name", equalTo("Kafka (not part of readiness)"));
    }
}
