package se.driftinfo.incident.badinput;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
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

/**
 * Markup is text (issue #15's bad-input table): a clinic or an operator may type {@code <script>} into a
 * report or an outage, it is stored as typed, and every helpdesk page shows it escaped, never as markup;
 * template syntax is shown, not evaluated. Checked on the queue (and its live part), the report page,
 * the outage list and page, and the form shown back with an error.
 */
@QuarkusTest
@WithTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "incident"))
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EscapingTest {

    @BeforeEach
    void catalog() {
        Upstream.catalog();
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void afterTheTableTheServiceIsStillReady() {
        Hostile.stillHealthy();
    }

    static List<BadInputs.Case> markup() {
        return BadInputs.markup();
    }

    @Order(1)
    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("markup")
    void markupInReportsAndOutagesIsShownAsTextOnEveryHelpdeskPage(BadInputs.Case markup) {
        String text = markup.value();
        Map<String, Object> body = Requests.report("kronoberg", "felinmatning");
        body.put("unitName", text);
        body.put("contactName", text);
        body.put("description", "Felinmatning: " + text);
        String report = Requests.provider()
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/fault-reports")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        Requests.operator()
                .contentType(ContentType.JSON)
                .body(Map.of("assignee", text, "comment", text))
                .patch("/api/fault-reports/" + report)
                .then()
                .statusCode(200);
        Map<String, Object> declared = Requests.outage("kronoberg", "felinmatning");
        declared.put("title", "Felinmatning " + text);
        declared.put("message", text);
        String outage = Requests.operator()
                .contentType(ContentType.JSON)
                .body(declared)
                .post("/api/outages")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        try {
            Requests.operator()
                    .contentType(ContentType.JSON)
                    .body(Map.of("status", "IDENTIFIED", "message", text))
                    .post("/api/outages/" + outage + "/updates")
                    .then()
                    .statusCode(200);
            for (String page : List.of(
                    "/helpdesk?region=kronoberg",
                    "/helpdesk/queue?region=kronoberg",
                    "/helpdesk/reports/" + report,
                    "/helpdesk/outages",
                    "/helpdesk/outages/" + outage)) {
                String html = Staff.as("operator")
                        .get(page)
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString();
                shownAsText(page, html, text);
            }
        } finally {
            BadInputFixtures.resolve(outage);
        }

        // The anonymous form, shown back because another field is wrong, escapes what was typed.
        String form = Forms.form()
                .header("X-Forwarded-For", "192.0.2.250")
                .contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParams(Map.of(
                        "reporterHsaId", "SE2321000065-4711",
                        "unitName", text,
                        "contactName", text,
                        "contactEmail", "inte-en-adress",
                        "system", "kronoberg/felinmatning",
                        "description", "Felinmatning: " + text,
                        "urgency", "LOW"))
                .post("/felanmalan")
                .then()
                .statusCode(400)
                .extract()
                .asString();
        shownAsText("/felanmalan", form, text);
    }

    /** The text is on the page, escaped as HTML escapes it, and never as it was typed if that is markup. */
    static void shownAsText(String page, String html, String text) {
        String escaped = escape(text);
        if (!escaped.equals(text)) {
            assertFalse(html.contains(text), page + " shows the markup raw");
            assertFalse(html.contains("<script>alert("), page + " has the script element");
        }
        // Escaping changes only the characters it must; a line break may be shown as it was.
        String firstLine = escaped.split("\r\n")[0];
        assertTrue(html.contains(firstLine), page + " does not show «" + firstLine + "»");
    }

    static String escape(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
