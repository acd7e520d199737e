package se.driftinfo.incident.report;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import se.driftinfo.incident.Hostile;
import se.driftinfo.incident.Requests;
import se.driftinfo.incident.Upstream;
import se.driftinfo.infra.Forms;
import se.driftinfo.infra.InfraTestResource;

/**
 * Gap 11 (issue #15): the fault report form and API are rate-limited, answering 429 with Retry-After.
 * The form per client address and per contact address (each report mails that address a receipt); the
 * API per provider's key, and per client address while no valid key is sent. Each test reaches a limit
 * with keys of its own (an X-Forwarded-For address, which the test profile honours as a proxy's; its own
 * e-mail address; the test profile's tight key), so the other tests, which share 127.0.0.1 and the demo
 * key, never meet one.
 */
@QuarkusTest
@WithTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "incident"))
class RateLimitTest {

    /** The test profile's capacities (application.properties, %test). */
    static final int FORM_PER_CLIENT = 50;

    static final int RECEIPTS_PER_ADDRESS = 3;
    static final int UNAUTHENTICATED_PER_CLIENT = 50;
    static final int TIGHT_KEY = 3;

    @BeforeEach
    void catalog() {
        Upstream.catalog();
    }

    static String newClient() {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        // TEST-NET-2 (RFC 5737): never a real client.
        return "198.51.100." + r.nextInt(1, 255) + ", 10.0.0." + r.nextInt(1, 255);
    }

    static Map<String, String> form(String email) {
        Map<String, String> form = new HashMap<>();
        form.put("reporterHsaId", "SE2321000065-4711"); // Region Kronoberg: no API key, so the form is its channel
        form.put("unitName", "Vårdcentralen Ljungby");
        form.put("contactName", "Sara Ek");
        form.put("contactEmail", email);
        form.put("system", "kronoberg/felinmatning");
        form.put("description", "Felinmatning svarar inte sedan 07:45.");
        form.put("urgency", "LOW");
        return form;
    }

    static Response postForm(String client, Map<String, String> form) {
        return Forms.form()
                .header("X-Forwarded-For", client)
                .contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParams(form)
                .post("/felanmalan");
    }

    @Test
    void gap11_theFormIsLimitedPerClientAddressWithRetryAfterAndTheTypedTextKept() {
        String client = newClient();
        Map<String, String> refused = form("sara.ek@vc-ljungby.example");
        refused.put("description", "kort"); // refused on the field: nothing stored, but the post counts
        int posts = 0;
        Response answer;
        do {
            answer = postForm(client, refused);
            posts++;
        } while (answer.statusCode() == 400 && posts < FORM_PER_CLIENT * 4);
        assertEquals(429, answer.statusCode(), "after " + posts + " posts");
        assertTrue(posts > FORM_PER_CLIENT, "limited after only " + posts + " posts");
        int retryAfter = Integer.parseInt(answer.header("Retry-After"));
        assertTrue(retryAfter >= 1, "Retry-After " + retryAfter);
        String page = answer.asString();
        assertTrue(answer.contentType().startsWith("text/html"), answer.contentType());
        ReportPageAssert.contains(page, "Det har kommit många felanmälningar härifrån på kort tid. Vänta en minut");
        ReportPageAssert.contains(page, "value=\"Vårdcentralen Ljungby\""); // nothing typed is lost
        ReportPageAssert.contains(page, "<form method=\"post\" action=\"/felanmalan\"");

        // Another client is not held up by this one.
        postForm(newClient(), refused).then().statusCode(400);
    }

    @Test
    void gap11_receiptsToOneAddressAreLimitedWhateverTheClientAndTheRefusedOneIsNotStored() {
        String mailbox = "klinik-" + UUID.randomUUID() + "@vc-ljungby.example";
        for (int i = 0; i < RECEIPTS_PER_ADDRESS; i++) {
            postForm(newClient(), form(mailbox)).then().statusCode(200).body(containsString("id=\"reference\""));
        }
        // Refused posts do not use up the address's receipts: only reports that would be mailed count.
        Map<String, String> wrong = form(mailbox);
        wrong.put("unitName", "");
        postForm(newClient(), wrong).then().statusCode(400);

        long before = Hostile.reports();
        // The same mailbox in capitals and with a +tag, from yet another address.
        String sameMailbox = mailbox.toUpperCase().replace("@", "+nagot-annat@");
        Response refused = postForm(newClient(), form(sameMailbox));
        assertEquals(429, refused.statusCode());
        assertTrue(Integer.parseInt(refused.header("Retry-After")) > 60, refused.header("Retry-After"));
        ReportPageAssert.contains(
                refused.asString(), "Vi har nyss tagit emot flera felanmälningar med den här e-postadressen.");
        refused.then().body(not(containsString("id=\"reference\"")));
        assertEquals(before, Hostile.reports(), "a report over the limit was stored");

        // Another mailbox is received.
        postForm(newClient(), form("annan-" + UUID.randomUUID() + "@vc-ljungby.example"))
                .then()
                .statusCode(200);
    }

    @Test
    void gap11_theApiWithoutAValidKeyIsLimitedPerClientAddress() {
        String client = newClient();
        int posts = 0;
        Response answer;
        do {
            answer = given().header("X-Forwarded-For", client)
                    .header("X-Api-Key", "guessed-key-" + posts)
                    .contentType(ContentType.JSON)
                    .body(Requests.report("kronoberg", "felinmatning"))
                    .post("/api/fault-reports");
            posts++;
        } while (answer.statusCode() == 401 && posts < UNAUTHENTICATED_PER_CLIENT * 4);
        assertEquals(429, answer.statusCode(), "after " + posts + " guesses");
        assertTrue(posts > UNAUTHENTICATED_PER_CLIENT, "limited after only " + posts + " guesses");
        answer.then()
                .contentType("application/problem+json")
                .body("type", containsString("too-many-requests"))
                .body("status", org.hamcrest.Matchers.equalTo(429));
        assertTrue(Integer.parseInt(answer.header("Retry-After")) >= 1);
        // The right key from the same address is a provider, limited by its key only.
        Requests.provider()
                .header("X-Forwarded-For", client)
                .contentType(ContentType.JSON)
                .body(Requests.report("kronoberg", "felinmatning"))
                .post("/api/fault-reports")
                .then()
                .statusCode(201);
    }

    @Test
    void gap11_aProvidersKeyIsLimitedByItsOwnLimitAndOtherProvidersAreNot() {
        Map<String, Object> body = Requests.report("kronoberg", "felinmatning");
        body.put("reporterHsaId", "SE2321000180-0001"); // the tight key's organisation (Region Dalarna)
        for (int i = 0; i < TIGHT_KEY; i++) {
            tight(body).then().statusCode(201);
        }
        long before = Hostile.reports();
        Response refused = tight(body);
        refused.then()
                .statusCode(429)
                .contentType("application/problem+json")
                .body("detail", containsString("try again in"));
        assertTrue(Integer.parseInt(refused.header("Retry-After")) > 60, refused.header("Retry-After"));
        assertEquals(before, Hostile.reports(), "a report over the limit was stored");
        // The demo provider's key has a limit of its own.
        Requests.provider()
                .contentType(ContentType.JSON)
                .body(Requests.report("kronoberg", "felinmatning"))
                .post("/api/fault-reports")
                .then()
                .statusCode(201);
    }

    private static Response tight(Map<String, Object> body) {
        return given().header("X-Api-Key", "tight-provider-key")
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/fault-reports");
    }

    /** Substring checks that print the page when they fail. */
    static final class ReportPageAssert {
        static void contains(String html, String expected) {
            assertTrue(html.contains(expected), "expected «" + expected + "» in:\n" + html);
        }
    }
}
