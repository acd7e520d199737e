package se.driftinfo.maintenance.catalog;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import se.driftinfo.contracts.EventTypes;
import se.driftinfo.contracts.Topics;
import se.driftinfo.contracts.catalog.RegionV1;
import se.driftinfo.infra.InfraTestResource;
import se.driftinfo.maintenance.TopicReader;

@QuarkusTest
@WithTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "maintenance"))
class CatalogResourceTest {

    @Test
    void theFiveRegionsAreSeededWithTheirSystems() {
        given().when()
                .get("/api/regions")
                .then()
                .statusCode(200)
                .body("code", contains("dalarna", "jamtland-harjedalen", "kronoberg", "norrbotten", "varmland"))
                .body("find { it.code == 'norrbotten' }.supportHours.opens", equalTo("07:00"))
                .body("find { it.code == 'kronoberg' }.supportHours.alwaysOpen", equalTo(true));
        given().queryParam("region", "norrbotten")
                .when()
                .get("/api/systems")
                .then()
                .statusCode(200)
                .body("code", containsInAnyOrder("cosmic", "vas-las", "labportalen", "sectra", "lifecare-sp"));
    }

    @Test
    void unknownRegionIsAProblemNamingTheField() {
        given().queryParam("region", "gotland")
                .when()
                .get("/api/systems")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("'invalid-params'.name", hasItem("region"));
    }

    @Test
    void catalogIsPublishedToTheCompactedTopicOncePerRegion() {
        Map<String, RegionV1> latest = new HashMap<>();
        TopicReader.readUntil(Topics.CATALOG, Duration.ofSeconds(30), event -> {
            assertEquals(EventTypes.REGION_PUBLISHED, event.type());
            latest.put(event.key(), event.data(RegionV1.class));
            return latest.size() == 5;
        });
        assertTrue(
                latest.get("dalarna").systems().stream().anyMatch(s -> s.name().equals("NPÖ")));
    }
}
