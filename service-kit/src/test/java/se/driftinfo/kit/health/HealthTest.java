package se.driftinfo.kit.health;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import se.driftinfo.infra.InfraTestResource;

/** With the broker up, its group says so (the counterpart of {@link BrokerOutageHealthTest}). */
@QuarkusTest
@WithTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "maintenance"))
class HealthTest {

    @Test
    void theKafkaGroupIsUpWhenTheBrokerAnswers() {
        given().get("/q/health/group/kafka")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks[0].data.brokers", equalTo(1));
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }
}
