package se.driftinfo.notifier.badinput;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import se.driftinfo.infra.BadInputs;
import se.driftinfo.infra.BadInputs.Case;
import se.driftinfo.infra.Forms;
import se.driftinfo.infra.InfraTestResource;
import se.driftinfo.notifier.Events;
import se.driftinfo.notifier.Eventually;

/**
 * The bad-input table for the page's form, {@code POST /driftinfo/subscribe}: every case shows the
 * page again (400) with the message on the wrong field, stores nothing, and leaves the service ready.
 * Markup typed into the form comes back escaped; an identity number does not come back at all.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@WithTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "notifier"))
class SubscribeFormBadInputTest {

    static final String REGION = "bad-input-form";

    /**
     * One post of the form.
     *
     * @param field the field whose error the page must show: email, regions or language
     * @param patientData the error must be the identity-number one, and the value not shown back
     */
    record Post(String name, String email, List<String> regions, String language, String field, boolean patientData) {
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
        Events.region(REGION, "cosmic");
        Eventually.until(
                Duration.ofSeconds(20),
                "region " + REGION,
                () -> given().get("/feeds/regions/" + REGION + ".ics").statusCode(),
                s -> s == 200);
    }

    static List<Post> cases() {
        List<Post> cases = new ArrayList<>();
        for (Case c : BadInputs.identityNumbers()) {
            cases.add(new Post("email: " + c.name(), c.value(), List.of(REGION), "sv", "email", true));
            String address = c.value().replaceAll("\\s", "") + "@hc.example";
            cases.add(new Post("email: address of " + c.name(), address, List.of(REGION), "sv", "email", true));
        }
        for (Case c : BadInputs.headerInjections()) {
            cases.add(new Post("email: " + c.name(), c.value(), List.of(REGION), "en", "email", false));
        }
        for (Case c : BadInputs.markup()) {
            cases.add(new Post("email: " + c.name(), c.value(), List.of(REGION), "sv", "email", false));
        }
        cases.add(new Post("email: empty", "", List.of(REGION), "sv", "email", false));
        cases.add(new Post("email: missing", null, List.of(REGION), "sv", "email", false));
        cases.add(new Post(
                "email: 255 characters", "a".repeat(243) + "@hc.example.se", List.of(REGION), "sv", "email", false));
        cases.add(new Post("regions: none chosen", "reception@hc.example", List.of(), "sv", "regions", false));
        cases.add(new Post("regions: unknown", "reception@hc.example", List.of("gotland"), "sv", "regions", false));
        cases.add(new Post("regions: NUL byte", "reception@hc.example", List.of("\u0000"), "sv", "regions", false));
        cases.add(new Post(
                "regions: markup",
                "reception@hc.example",
                List.of("<script>alert(1)</script>"),
                "en",
                "regions",
                false));
        cases.add(new Post(
                "regions: 21 chosen",
                "reception@hc.example",
                java.util.Collections.nCopies(21, REGION),
                "sv",
                "regions",
                false));
        cases.add(new Post("language: de", "reception@hc.example", List.of(REGION), "de", "language", false));
        cases.add(new Post(
                "language: markup",
                "reception@hc.example",
                List.of(REGION),
                "\"><script>x</script>",
                "language",
                false));
        cases.add(new Post("language: empty", "reception@hc.example", List.of(REGION), "", "language", false));
        return cases;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void aBadPostShowsTheErrorOnItsFieldAndStoresNothing(Post post) {
        Instant before = Instant.now();
        // As a browser posts a page served as UTF-8 (RestAssured's default would be ISO-8859-1).
        RequestSpecification form =
                Forms.form().accept("text/html").contentType("application/x-www-form-urlencoded; charset=UTF-8");
        if (post.email() != null) {
            form.formParam("email", post.email());
        }
        for (String region : post.regions()) {
            form.formParam("regions", region);
        }
        form.formParam("language", post.language());
        ExtractableResponse<Response> answer =
                form.when().post("/driftinfo/subscribe").then().extract();
        String page = answer.asString();
        assertEquals(400, answer.statusCode(), post + ": " + page);
        assertTrue(answer.contentType().startsWith("text/html"), post + ": " + answer.contentType());
        assertTrue(
                page.contains("id=\"" + post.field() + "-error\""),
                post + ": no error on " + post.field() + "\n" + page);
        if (post.field().equals("email")) {
            assertTrue(page.contains("id=\"email\" name=\"email\""), page);
            assertTrue(page.contains("aria-invalid=\"true\" aria-describedby=\"email-error\""), page);
        }
        if (post.patientData()) {
            assertTrue(page.contains("personnummer") || page.contains("identity number"), page);
            assertFalse(page.contains(post.email()), "an identity number is not shown back: " + post);
        }
        assertFalse(page.contains("<script>alert"), "markup comes back escaped: " + post);
        assertFalse(page.contains("<script>x"), "markup comes back escaped: " + post);
        assertEquals(0, Stored.since(em, before), post + ": nothing stored");
    }

    @Test
    void markupTypedIntoTheAddressComesBackEscaped() {
        String page = Forms.form()
                .formParam("email", "<script>alert('driftinfo')</script>")
                .formParam("regions", REGION)
                .formParam("language", "sv")
                .when()
                .post("/driftinfo/subscribe")
                .then()
                .statusCode(400)
                .extract()
                .asString();
        assertTrue(page.contains("value=\"&lt;script&gt;alert(&#39;driftinfo&#39;)&lt;/script&gt;\""), page);
    }

    @Test
    void aPostWithoutTheCsrfTokenIsRefused() {
        Instant before = Instant.now();
        given().formParam("email", "reception@hc.example")
                .formParam("regions", REGION)
                .formParam("language", "sv")
                .when()
                .post("/driftinfo/subscribe")
                .then()
                .statusCode(403);
        assertEquals(0, Stored.since(em, before));
    }

    @Test
    void aMegabyteInTheAddressIsRefusedWithoutAServerError() {
        Instant before = Instant.now();
        int status = Forms.form()
                .formParam("email", "x".repeat(1 << 20))
                .formParam("regions", REGION)
                .formParam("language", "sv")
                .when()
                .post("/driftinfo/subscribe")
                .then()
                .extract()
                .statusCode();
        assertTrue(status >= 400 && status < 500, "status " + status);
        assertEquals(0, Stored.since(em, before));
    }

    @Test
    void theTableHasAtLeastThirtyCases() {
        assertTrue(cases().size() >= 30, "cases: " + cases().size());
    }

    /** Runs last: after every bad input, the service still answers ready. */
    @Test
    @Order(Integer.MAX_VALUE)
    void theServiceIsStillReadyAfterTheTable() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    }
}
