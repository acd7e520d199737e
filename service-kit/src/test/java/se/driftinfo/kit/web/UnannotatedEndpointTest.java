package se.driftinfo.kit.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.is;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import se.driftinfo.infra.InfraTestResource;

/** Gap 17: every service denies an endpoint that carries no security annotation. */
@QuarkusTest
@WithTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "maintenance"))
class UnannotatedEndpointTest {

    @Test
    void anEndpointWithoutASecurityAnnotationIsRefused() {
        given().get("/test/unannotated").then().statusCode(anyOf(is(401), is(403)));
    }

    @Test
    void anAnnotatedPublicEndpointStillAnswers() {
        given().accept("text/html").get("/test/form").then().statusCode(200);
    }
}
