package se.driftinfo.maintenance.badinput;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.driftinfo.maintenance.badinput.BadInputAssertions.assertHealthy;
import static se.driftinfo.maintenance.badinput.BadInputAssertions.browser;
import static se.driftinfo.maintenance.badinput.BadInputAssertions.create;
import static se.driftinfo.maintenance.badinput.BadInputAssertions.planner;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import se.driftinfo.infra.BadInputs;
import se.driftinfo.infra.BadInputs.Case;
import se.driftinfo.infra.InfraTestResource;

/**
 * Markup in every text field (issue #15's bad-input table, {@link BadInputs#markup()}) is accepted — a
 * title may well contain "<" — and comes out escaped on the planner's pages: the region's list, the
 * window's page with its edit form, and its occurrences with their reasons. The raw markup never appears;
 * its escaped form does; a template expression is shown, not evaluated.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@WithTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "maintenance"))
class MarkupEscapingTest {

    static Stream<Arguments> markup() {
        return BadInputs.markup().stream().map(c -> Arguments.of(c.name(), c));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("markup")
    void markupInEveryTextFieldIsShownEscapedOnThePlannerPages(String name, Case markup) {
        // A one-off in 2033, out of the years other tests count occurrences in.
        Map<String, Object> body = new HashMap<>();
        body.put("title", markup.value());
        body.put("description", markup.value());
        body.put("region", "norrbotten");
        body.put("systems", List.of("cosmic"));
        body.put("timeZone", "Europe/Stockholm");
        body.put("start", "2033-03-16T17:00");
        body.put("end", "2033-03-16T23:00");
        String id = create(body);
        planner()
                .body(Map.of("reason", markup.value()))
                .post("/api/maintenance-windows/" + id + "/occurrences/2033-03-16/cancel")
                .then()
                .statusCode(200);

        String list = browser()
                .get("/planner?region=norrbotten")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        String page = browser()
                .get("/planner/windows/" + id)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        String escaped = escaped(markup.value());
        for (String html : List.of(list, page)) {
            if (!escaped.equals(markup.value())) {
                assertFalse(html.contains(markup.value()), name + ": shown raw");
            }
            assertTrue(html.contains(escaped), name + ": not shown escaped as " + escaped);
        }
        // Title (heading, form), description (textarea) and the cancelled occurrence's reason.
        assertTrue(count(page, escaped) >= 4, name + ": " + count(page, escaped) + " times on the window's page");
        assertFalse(page.contains("<script>alert"), name + ": a script element on the page");
        assertFalse(page.contains("<img src=x"), name + ": an image element on the page");
        assertEquals(
                markup.value(),
                planner().get("/api/maintenance-windows/" + id).then().extract().path("title"),
                "the API keeps the text as written");
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void theServiceIsStillReadyAfterEveryCase() {
        assertHealthy();
    }

    /** As Qute escapes HTML text and attribute values. */
    static String escaped(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;")
                .replace("'", "&#39;");
    }

    private static int count(String html, String text) {
        int n = 0;
        for (int at = html.indexOf(text); at >= 0; at = html.indexOf(text, at + 1)) {
            n++;
        }
        return n;
    }
}
