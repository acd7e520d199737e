package se.driftinfo.notifier.badinput;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import se.driftinfo.infra.BadInputs;
import se.driftinfo.infra.BadInputs.Body;
import se.driftinfo.infra.BadInputs.Case;
import se.driftinfo.infra.InfraTestResource;
import se.driftinfo.notifier.Events;
import se.driftinfo.notifier.Eventually;

/**
 * The bad-input table for the JSON API, {@code POST /api/subscriptions}: every case is a 4xx problem
 * detail naming the field where there is one, nothing is stored, and the service stays ready.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@WithTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "notifier"))
class SubscriptionApiBadInputTest {

    static final String REGION = "bad-input-api";
    static final String VALID = """
            {"email":"reception@hc.example","regions":["%s"],"systems":["cosmic"],"language":"sv"}""".formatted(REGION);

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Bodies go out as the bytes given, whatever the content type says (RestAssured would encode a form). */
    private static final RestAssuredConfig RAW_BODIES = RestAssuredConfig.config()
            .encoderConfig(EncoderConfig.encoderConfig()
                    .encodeContentTypeAs("application/x-www-form-urlencoded", ContentType.BINARY)
                    .encodeContentTypeAs("application/xml", ContentType.BINARY)
                    .encodeContentTypeAs("text/plain", ContentType.BINARY));

    /** A body and the field a problem must name (null: the body as a whole). */
    record BadBody(String name, String contentType, byte[] bytes, String field) {
        @Override
        public String toString() {
            return name;
        }
    }

    @Inject
    EntityManager em;

    private static boolean prepared;

    /** Once per class, but with the application up (a static @BeforeAll runs before RestAssured knows its port). */
    @BeforeEach
    void prepare() {
        if (!prepared) {
            prepared = true;
            region();
        }
    }

    static void region() {
        Events.region(REGION, "cosmic", "takecare");
        Eventually.until(
                Duration.ofSeconds(20),
                "region " + REGION,
                () -> given().get("/feeds/regions/" + REGION + ".ics").statusCode(),
                s -> s == 200);
    }

    static List<BadBody> cases() {
        List<BadBody> cases = new ArrayList<>();
        for (Case c : BadInputs.jsonVariants(VALID, 254)) {
            if (c.name().equals("systems missing")) {
                continue; // systems may be left out: every system of the regions
            }
            cases.add(json(c.name(), c.value(), c.name().split("[ :]")[0]));
        }
        for (Body b : BadInputs.malformedBodies(VALID)) {
            cases.add(new BadBody(b.name(), b.contentType(), b.bytes(), null));
        }
        for (Case c : BadInputs.headerInjections()) {
            cases.add(json("email: header injection, " + c.name(), with("email", quote(c.value())), "email"));
        }
        for (Case c : BadInputs.identityNumbers()) {
            String address = c.value().replaceAll("\\s", "") + "@hc.example";
            cases.add(json("email: identity number as address, " + c.name(), with("email", quote(address)), "email"));
        }
        for (Case c : BadInputs.markup()) {
            cases.add(json("email: markup, " + c.name(), with("email", quote(c.value())), "email"));
        }
        cases.add(json("regions: unknown", with("regions", "[\"gotland\"]"), "regions[0]"));
        cases.add(json("regions: markup", with("regions", "[\"<script>alert(1)</script>\"]"), "regions[0]"));
        cases.add(json("regions: empty", with("regions", "[]"), "regions"));
        cases.add(json("regions: blank code", with("regions", "[\" \"]"), "regions[0]"));
        cases.add(json("regions: 21 codes", with("regions", list(21, REGION)), "regions"));
        cases.add(
                json("regions: code of 51 characters", with("regions", "[\"" + "r".repeat(51) + "\"]"), "regions[0]"));
        cases.add(json("regions: null element", with("regions", "[null]"), "regions[0]"));
        cases.add(json("regions: NUL byte", with("regions", "[\"\\u0000\"]"), "regions[0]"));
        cases.add(json("regions: upper case", with("regions", "[\"NORRBOTTEN\"]"), "regions[0]"));
        cases.add(json("systems: NUL byte", with("systems", "[\"cosmic\\u0000\"]"), "systems[0]"));
        cases.add(json("systems: not lent by the region", with("systems", "[\"pascal\"]"), "systems[0]"));
        cases.add(json("systems: 101 codes", with("systems", list(101, "cosmic")), "systems"));
        cases.add(json("language: de", with("language", "\"de\""), "language"));
        cases.add(json("language: SV", with("language", "\"SV\""), "language"));
        cases.add(json("language: empty", with("language", "\"\""), "language"));
        cases.add(json("language: null", with("language", "null"), "language"));
        cases.add(json("email: null", with("email", "null"), "email"));
        cases.add(json("email: 255 characters", with("email", quote("a".repeat(243) + "@hc.example.se")), "email"));
        cases.add(json("email: with a space", with("email", quote("re ception@hc.example")), "email"));
        cases.add(json("email: quoted local part", with("email", quote("\"a b\"@hc.example")), "email"));
        return cases;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void aBadBodyIsAProblemAndStoresNothing(BadBody body) {
        Instant before = Instant.now();
        ExtractableResponse<Response> answer = given().config(RAW_BODIES)
                .contentType(body.contentType())
                .body(body.bytes())
                .when()
                .post("/api/subscriptions")
                .then()
                .extract();
        int status = answer.statusCode();
        assertTrue(status >= 400 && status < 500, body + ": " + status + " " + answer.asString());
        assertTrue(
                answer.contentType().startsWith("application/problem+json"),
                body + ": " + answer.contentType() + " " + answer.asString());
        assertEquals(status, answer.jsonPath().getInt("status"));
        if (body.field() != null) {
            List<String> named = answer.jsonPath().getList("invalid-params.name");
            assertTrue(
                    named != null && named.contains(body.field()),
                    body + " names " + body.field() + ": " + answer.asString());
        }
        assertEquals(0, Stored.since(em, before), body + ": nothing stored");
    }

    @Test
    void theValidBodyIsAccepted() {
        given().contentType("application/json")
                .body(VALID.replace("reception@", "reception-" + System.nanoTime() + "@"))
                .when()
                .post("/api/subscriptions")
                .then()
                .statusCode(202);
    }

    @Test
    void theTableHasAtLeastThirtyCases() {
        assertTrue(cases().size() >= 30, "cases: " + cases().size());
    }

    @Test
    void anIdentityNumberInTheAddressIsNamedAsPatientData() {
        given().contentType("application/json")
                .body(with("email", quote("19121212-1212@hc.example")))
                .when()
                .post("/api/subscriptions")
                .then()
                .statusCode(400)
                .body("invalid-params.name", hasItem("email"))
                .body("detail", containsString("personal identity number"));
    }

    /** Runs last: after every bad input, the service still answers ready. */
    @Test
    @Order(Integer.MAX_VALUE)
    void theServiceIsStillReadyAfterTheTable() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }

    private static BadBody json(String name, String json, String field) {
        return new BadBody(name, "application/json", json.getBytes(StandardCharsets.UTF_8), field);
    }

    /** The valid body with one field's JSON value replaced. */
    private static String with(String field, String jsonValue) {
        var node = (ObjectNode) read(VALID);
        try {
            node.set(field, JSON.readTree(jsonValue));
        } catch (Exception e) {
            throw new IllegalArgumentException(jsonValue, e);
        }
        return node.toString();
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException(json, e);
        }
    }

    private static String quote(String text) {
        return TextNode.valueOf(text).toString();
    }

    private static String list(int n, String code) {
        return "[" + String.join(",", Collections.nCopies(n, quote(code))) + "]";
    }
}
