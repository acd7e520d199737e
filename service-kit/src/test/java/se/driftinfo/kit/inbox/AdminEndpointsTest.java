package se.driftinfo.kit.inbox;

import static io.restassured.RestAssured.given;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import se.driftinfo.infra.InfraTestResource;

/** Replaying dead letters and requeueing parked events are for operators with the role admin only. */
@QuarkusTest
@WithTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "maintenance"))
class AdminEndpointsTest {

    @Test
    void anAnonymousCallerCannotReplayOrRequeue() {
        given().post("/api/admin/dead-letters/replay").then().statusCode(401);
        given().get("/api/admin/dead-letters").then().statusCode(401);
        given().post("/api/admin/outbox/requeue").then().statusCode(401);
        given().get("/api/admin/outbox/parked").then().statusCode(401);
    }
}
