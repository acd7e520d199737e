package se.driftinfo.incident.badinput;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import se.driftinfo.incident.Hostile;
import se.driftinfo.incident.Requests;
import se.driftinfo.incident.Upstream;
import se.driftinfo.infra.BadInputs;
import se.driftinfo.infra.Forms;
import se.driftinfo.infra.InfraTestResource;
import se.driftinfo.infra.Staff;
import se.driftinfo.kit.validation.PersonnummerGuard;

/**
 * The bad-input table of incident-service's HTML forms (issue #15): the anonymous {@code /felanmalan} and
 * the helpdesk's forms posted by a signed-in operator (report triage, outage declare/update/resolve, the
 * queue's bulk action). Every case: a 4xx page with the error on the field it concerns (or, for the
 * queue's redirecting forms, the notice that says why), text with an identity number not shown back
 * (gap 9), nothing stored or changed, and the service still ready at the end.
 */
@QuarkusTest
@WithTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "incident"))
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FormBadInputTest {

    static final String REGION = "kronoberg";
    static final String SYSTEM = "felinmatning";
    private static final AtomicInteger CLIENTS = new AtomicInteger();
    private static final Pattern VERSION = Pattern.compile("name=\"version\" value=\"(\\d+)\"");

    private static String report;
    private static String outage;

    /** One bad post: the form field changed, the value sent (null: left out), the field the error is on. */
    record Post(String name, String field, String value, String errorOn) {
        @Override
        public String toString() {
            return name;
        }

        boolean patientData() {
            return PersonnummerGuard.containsIdentityNumber(value);
        }
    }

    // ---- /felanmalan, no account ----

    static List<Post> anonymous() {
        List<Post> posts = new ArrayList<>();
        for (String field :
                List.of("reporterHsaId", "unitName", "contactName", "contactEmail", "system", "description")) {
            posts.add(new Post(field + " missing", field, null, field));
        }
        posts.add(new Post("urgency missing", "urgency", null, "urgency"));
        for (BadInputs.Case c : BadInputs.identityNumbers()) {
            posts.add(new Post("unitName: " + c, "unitName", c.value(), "unitName"));
            posts.add(new Post("contactName: " + c, "contactName", c.value(), "contactName"));
            posts.add(new Post("contactEmail: " + c, "contactEmail", Hostile.inEmail(c), "contactEmail"));
            posts.add(new Post("contactPhone: " + c, "contactPhone", Hostile.inPhone(c), "contactPhone"));
            posts.add(new Post("description: " + c, "description", "Felinmatning: " + c.value(), "description"));
            posts.add(new Post("reporterHsaId: " + c, "reporterHsaId", Hostile.inHsaId(c), "reporterHsaId"));
        }
        posts.add(new Post(
                "reporterHsaId 32 characters", "reporterHsaId", "SE2321000065-" + "1".repeat(19), "reporterHsaId"));
        posts.add(new Post("unitName 201 characters", "unitName", "x".repeat(201), "unitName"));
        posts.add(new Post("contactName 101 characters", "contactName", "x".repeat(101), "contactName"));
        posts.add(new Post(
                "contactEmail 255 characters", "contactEmail", "x".repeat(243) + "@example.se", "contactEmail"));
        posts.add(new Post("contactPhone 31 characters", "contactPhone", "0".repeat(31), "contactPhone"));
        posts.add(new Post("description 4001 characters", "description", "x".repeat(4001), "description"));
        posts.add(new Post("description 9 characters", "description", "x".repeat(9), "description"));
        for (BadInputs.Case c : BadInputs.headerInjections()) {
            posts.add(new Post("contactEmail: " + c, "contactEmail", c.value(), "contactEmail"));
        }
        for (String system : List.of("nowhere/cosmic", "kronoberg/nope", "cosmic", "kronoberg/", "<script>/x")) {
            posts.add(new Post("system " + system, "system", system, "system"));
        }
        for (String urgency : List.of("EXTREME", "1", "HIGH; DROP TABLE fault_report")) {
            posts.add(new Post("urgency " + urgency, "urgency", urgency, "urgency"));
        }
        for (String hsaId :
                List.of("SE123", "SE2321000231-1", "se2321000065-1", "SE2321000065-", "SE2321000065-<script>")) {
            posts.add(new Post("reporterHsaId " + hsaId, "reporterHsaId", hsaId, "reporterHsaId"));
        }
        // Gap 13: a unit of a provider that reports through its own system (the demo key's organisation).
        posts.add(new Post(
                "reporterHsaId of a provider with its own system",
                "reporterHsaId",
                "SE2321000230-0077",
                "reporterHsaId"));
        posts.add(new Post("contactPhone words", "contactPhone", "ring mig", "contactPhone"));
        posts.add(new Post("contactPhone markup", "contactPhone", "070<script>", "contactPhone"));
        return posts;
    }

    static Map<String, String> validForm() {
        Map<String, String> form = new HashMap<>();
        form.put("reporterHsaId", "SE2321000065-4711");
        form.put("unitName", "Vårdcentralen Ljungby");
        form.put("contactName", "Sara Ek");
        form.put("contactEmail", "sara.ek-" + UUID.randomUUID() + "@vc-ljungby.example");
        form.put("contactPhone", "0372-123 45");
        form.put("system", REGION + "/" + SYSTEM);
        form.put("description", "Felinmatning svarar inte sedan 07:45.");
        form.put("urgency", "MEDIUM");
        return form;
    }

    /** Each post from an address of its own: the table must not meet the form's rate limit per client. */
    static RequestSpecification anonymousForm() {
        return Forms.form()
                .header("X-Forwarded-For", "192.0.2." + (CLIENTS.incrementAndGet() % 250 + 1))
                .contentType("application/x-www-form-urlencoded; charset=UTF-8");
    }

    @Order(1)
    @ParameterizedTest(name = "[{index}] /felanmalan {0}")
    @MethodSource("anonymous")
    void theAnonymousFormShowsTheErrorOnTheFieldAndStoresNothing(Post post) {
        Map<String, String> form = validForm();
        if (post.value() == null) {
            form.remove(post.field());
        } else {
            form.put(post.field(), post.value());
        }
        long before = Hostile.reports();
        Response response = anonymousForm().formParams(form).post("/felanmalan");
        String html = response.asString();
        assertEquals(400, response.statusCode(), html);
        assertTrue(response.contentType().startsWith("text/html"), response.contentType());
        assertContains(
                html,
                "id=\"" + post.errorOn() + "\" aria-invalid=\"true\" aria-describedby=\"" + post.errorOn()
                        + "-error\"");
        assertContains(html, "<div id=\"" + post.errorOn() + "-error\"><span class=\"error\">");
        if (post.patientData()) {
            assertContains(html, "personnummer eller samordningsnummer");
            assertFalse(html.contains(post.value()), "the number is shown back");
        }
        assertFalse(html.contains("id=\"reference\""), "a receipt");
        assertEquals(before, Hostile.reports(), "a report was stored");
    }

    // ---- the helpdesk's forms, signed in as an operator ----

    static List<Post> helpdesk() {
        List<Post> posts = new ArrayList<>();
        for (BadInputs.Case c : BadInputs.identityNumbers()) {
            posts.add(new Post("report comment: " + c, "reports/comment/comment", c.value(), "comment"));
            posts.add(new Post("report assignee: " + c, "reports/assignee/assignee", c.value(), "assignee"));
            posts.add(new Post("declare title: " + c, "outages/new/title", "Felinmatning " + c.value(), "title"));
            posts.add(new Post("declare message: " + c, "outages/new/message", c.value(), "message"));
            posts.add(new Post("update message: " + c, "outages/updates/message", c.value(), "message"));
            posts.add(new Post("resolve resolution: " + c, "outages/resolve/resolution", c.value(), "resolution"));
            posts.add(new Post("bulk assignee: " + c, "bulk/assign/assignee", c.value(), "ASSIGNEE_PATIENT_DATA"));
        }
        posts.add(new Post("report comment blank", "reports/comment/comment", " ", "comment"));
        posts.add(new Post("report comment 4001 characters", "reports/comment/comment", "x".repeat(4001), "comment"));
        posts.add(new Post("report assignee 101 characters", "reports/assignee/assignee", "x".repeat(101), "assignee"));
        posts.add(new Post("report status unknown", "reports/status/status", "DONE", "status"));
        posts.add(new Post("report status blank", "reports/status/status", "", "status"));
        posts.add(new Post("report status markup", "reports/status/status", "<script>", "status"));
        posts.add(new Post("report impact unknown", "reports/assessment/impact", "HUGE", "impact"));
        posts.add(new Post("report impact blank", "reports/assessment/impact", "", "impact"));
        posts.add(new Post(
                "report responsibility unknown", "reports/responsibility/responsibility", "BOTH", "responsibility"));
        posts.add(new Post("report time in words", "reports/responsibility/timeAmount", "en stund", "timeAmount"));
        posts.add(new Post("report time too large", "reports/responsibility/timeAmount", "1e400", "timeAmount"));
        posts.add(new Post("report outage not an id", "reports/outage/outageId", "not-a-uuid", "outageId"));
        posts.add(new Post(
                "report outage unknown",
                "reports/outage/outageId",
                UUID.randomUUID().toString(),
                "outageId"));
        posts.add(new Post("report outage blank", "reports/outage/outageId", "", "outageId"));
        posts.add(new Post("report version not a number", "reports/comment/version", "abc", "page"));
        posts.add(new Post("report version stale", "reports/comment/version", "-1", "page"));
        posts.add(new Post("declare title blank", "outages/new/title", "", "title"));
        posts.add(new Post("declare title 201 characters", "outages/new/title", "x".repeat(201), "title"));
        posts.add(new Post("declare message 2001 characters", "outages/new/message", "x".repeat(2001), "message"));
        posts.add(new Post("declare systems of two regions", "outages/new/systems", "norrbotten/cosmic", "systems"));
        posts.add(new Post("declare system unknown", "outages/new/systems", "kronoberg/nope", "systems"));
        posts.add(new Post("declare system not region/system", "outages/new/systems", "felinmatning", "systems"));
        posts.add(new Post("declare impact unknown", "outages/new/impact", "HUGE", "impact"));
        posts.add(new Post("update status RESOLVED", "outages/updates/status", "RESOLVED", "status"));
        posts.add(new Post("update status unknown", "outages/updates/status", "BOGUS", "status"));
        posts.add(new Post("update message blank", "outages/updates/message", "", "message"));
        posts.add(new Post("resolve resolution blank", "outages/resolve/resolution", "", "resolution"));
        posts.add(
                new Post("bulk assignee 101 characters", "bulk/assign/assignee", "x".repeat(101), "ASSIGNEE_TOO_LONG"));
        posts.add(new Post("bulk action unknown", "bulk/explode/assignee", "Anna", "action"));
        posts.add(new Post("bulk report not an id", "bulk/assign/reports", "not-a-uuid", "reports"));
        return posts;
    }

    @BeforeEach
    void setUp() {
        Upstream.catalog();
        if (report == null) {
            report = Requests.fileReport(REGION, SYSTEM);
            outage = Requests.declareOutage(REGION, SYSTEM);
        }
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void afterTheTableTheServiceIsStillReady() {
        BadInputFixtures.resolve(outage);
        Hostile.stillHealthy();
    }

    @Order(1)
    @ParameterizedTest(name = "[{index}] helpdesk {0}")
    @MethodSource("helpdesk")
    void aHelpdeskFormShowsTheErrorOnTheFieldAndChangesNothing(Post post) {
        String[] where = post.field().split("/");
        String reportVersion = BadInputFixtures.version(report);
        int outageSequence = BadInputFixtures.sequence(outage);
        long outages = Hostile.outages();

        Map<String, String> form = new HashMap<>();
        String path;
        switch (where[0]) {
            case "reports" -> {
                path = "/helpdesk/reports/" + report + "/" + where[1];
                form.put("version", version(report));
                switch (where[1]) {
                    case "status" -> form.put("status", "TRIAGED");
                    case "assessment" -> form.put("urgency", "LOW");
                    case "responsibility" -> {
                        form.put("responsibility", "REGION");
                        form.put("timeAmount", "5");
                        form.put("timeUnit", "MINUTES");
                    }
                    case "comment" -> form.put("comment", "Tittar på det.");
                    default -> {}
                }
            }
            case "outages" -> {
                path = where[1].equals("new")
                        ? "/helpdesk/outages/new"
                        : "/helpdesk/outages/" + outage + "/" + where[1];
                switch (where[1]) {
                    case "new" -> {
                        form.put("title", "Felinmatning nere");
                        form.put("systems", REGION + "/" + SYSTEM);
                        form.put("impact", "OUTAGE");
                        form.put("message", "Vi felsöker.");
                        form.put("action", "declare");
                    }
                    case "updates" -> {
                        form.put("status", "IDENTIFIED");
                        form.put("message", "Orsaken är hittad.");
                    }
                    default -> {}
                }
            }
            default -> {
                path = "/helpdesk/bulk";
                form.put("reports", report);
                form.put("action", where[1]);
            }
        }
        RequestSpecification request = operatorForm();
        if (post.field().equals("outages/new/systems")) {
            // A second system: of another region, or the bad one beside a good one.
            request.formParam("systems", REGION + "/" + SYSTEM);
            form.remove("systems");
        }
        form.put(where[2], post.value());
        Response response = request.formParams(form).post(path);
        String html = response.asString();

        if (where[0].equals("bulk") && post.errorOn().startsWith("ASSIGNEE")) {
            // The queue's forms redirect back with what happened in the query string.
            assertEquals(303, response.statusCode(), html);
            assertContains(response.header("Location"), "notice=" + post.errorOn());
        } else {
            assertTrue(
                    response.statusCode() == 400 || response.statusCode() == 409,
                    "status " + response.statusCode() + ": " + html);
            if (!where[0].equals("bulk")) {
                assertTrue(response.contentType().startsWith("text/html"), response.contentType());
                assertContains(html, "id=\"" + post.errorOn() + "-error\"");
            }
        }
        if (post.patientData()) {
            assertFalse(html.contains(post.value()), "the number is shown back");
        }
        assertEquals(reportVersion, BadInputFixtures.version(report), "the report changed");
        assertEquals(outageSequence, BadInputFixtures.sequence(outage), "the outage changed");
        assertEquals(outages, Hostile.outages(), "an outage was declared");
    }

    private static RequestSpecification operatorForm() {
        return Forms.form()
                .header("Authorization", Staff.authorization("operator"))
                .redirects()
                .follow(false)
                .contentType("application/x-www-form-urlencoded; charset=UTF-8");
    }

    private static String version(String id) {
        String page = Staff.as("operator")
                .get("/helpdesk/reports/" + id)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        Matcher m = VERSION.matcher(page);
        assertTrue(m.find(), "the report page carries its version");
        return m.group(1);
    }

    static void assertContains(String text, String expected) {
        assertTrue(text != null && text.contains(expected), "expected «" + expected + "» in:\n" + text);
    }
}
