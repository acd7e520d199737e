package se.driftinfo.incident.badinput;

import static org.hamcrest.Matchers.lessThan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import se.driftinfo.incident.Hostile;
import se.driftinfo.incident.Requests;
import se.driftinfo.incident.Upstream;
import se.driftinfo.infra.Endpoints;
import se.driftinfo.infra.Endpoints.Endpoint;
import se.driftinfo.infra.InfraTestResource;
import se.driftinfo.infra.Staff;

/**
 * The bad-input table of incident-service's query and path parameters and request headers (issue #15):
 * every endpoint with an id in its path, found in the service's classes, given ids that are not ids;
 * the queue's filters and paging, the API's list filters and {@code active}; {@code If-Match} on a
 * triage and {@code If-None-Match} on the queue's live part. Never a 5xx: a 4xx naming the parameter
 * (problem details on the API), or, for a validator that matches nothing, the full answer.
 */
@QuarkusTest
@WithTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "incident"))
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ParameterBadInputTest {

    private static String report;

    /** Ids that are not ids, as they arrive URL-encoded. (A well-formed unknown id is the access test's: 404.) */
    static final List<String> BAD_IDS = List.of(
            "not-a-uuid",
            "1",
            "00000000-0000-0000-0000-00000000000g",
            "x".repeat(300),
            "%27%20OR%20%271%27%3D%271",
            "%00",
            "..%2F..%2Fetc%2Fpasswd",
            "19121212-1212",
            "%F0%9F%98%9F");

    static List<Arguments> pathIds() {
        List<Arguments> cases = new ArrayList<>();
        for (Endpoint e : Endpoints.of("se.driftinfo.incident")) {
            if (!e.path().contains("{")) {
                continue;
            }
            for (String bad : BAD_IDS) {
                cases.add(Arguments.of(e, bad));
            }
        }
        return cases;
    }

    @BeforeEach
    void setUp() {
        Upstream.catalog();
        if (report == null) {
            report = Requests.fileReport("kronoberg", "felinmatning");
        }
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void afterTheTableTheServiceIsStillReady() {
        Hostile.stillHealthy();
    }

    @Order(1)
    @ParameterizedTest(name = "[{index}] {0} with id «{1}»")
    @MethodSource("pathIds")
    void anIdThatIsNotAnIdIsA4xxNeverA5xx(Endpoint endpoint, String bad) {
        long reports = Hostile.reports();
        long outages = Hostile.outages();
        String path = endpoint.path().replaceAll("\\{[^}]+}", bad);
        Response response = endpoint.withBody(Staff.as("operator")
                        .urlEncodingEnabled(false)
                        .redirects()
                        .follow(false))
                .request(endpoint.method(), path);
        int status = response.statusCode();
        assertTrue(status >= 400 && status < 500, endpoint + " " + path + " -> " + status + " " + response.asString());
        if (endpoint.isApi() && status == 400) {
            assertTrue(response.contentType().startsWith("application/problem+json"), response.contentType());
        }
        assertEquals(reports, Hostile.reports());
        assertEquals(outages, Hostile.outages());
    }

    /** A query (or header) value and the parameter a 400 must name; null: any 4xx, or 200 where noted. */
    record Query(String name, String path, Map<String, String> params, String named, int status) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Query> queries() {
        List<Query> q = new ArrayList<>();
        for (String bad : List.of("DONE", "<script>", "%00", "9".repeat(40), "19121212-1212")) {
            q.add(new Query("api status " + bad, "/api/fault-reports", Map.of("status", bad), "status", 400));
            q.add(new Query("api priority " + bad, "/api/fault-reports", Map.of("priority", bad), "priority", 400));
            q.add(new Query("queue status " + bad, "/helpdesk", Map.of("status", bad), "status", 400));
            q.add(new Query("queue priority " + bad, "/helpdesk", Map.of("priority", bad), "priority", 400));
            q.add(new Query(
                    "queue responsibility " + bad, "/helpdesk", Map.of("responsibility", bad), "responsibility", 400));
            q.add(new Query("live status " + bad, "/helpdesk/queue", Map.of("status", bad), "status", 400));
            q.add(new Query("outages active " + bad, "/api/outages", Map.of("active", bad), "active", 400));
            q.add(new Query(
                    "staff outages active " + bad, "/api/helpdesk/outages", Map.of("active", bad), "active", 400));
        }
        for (String page : List.of("0", "-1", "abc", "2147483647", "99999999999", "1e3", "1.5", "1000001")) {
            q.add(new Query("queue page " + page, "/helpdesk", Map.of("page", page), "page", 400));
            q.add(new Query("live page " + page, "/helpdesk/queue", Map.of("page", page), "page", 400));
        }
        // A page far past the last is an empty page, not an error: the queue just has fewer reports.
        q.add(new Query("queue page 1000000", "/helpdesk", Map.of("page", "1000000"), null, 200));
        // Values the page writes itself and reads back: anything else in them is ignored, not a 500.
        for (String done : List.of("abc", "-5", "99999999999", "")) {
            q.add(new Query("queue done " + done, "/helpdesk", Map.of("done", done, "action", "x"), null, 200));
        }
        q.add(new Query("queue failed garbage", "/helpdesk", Map.of("done", "1", "failed", "x:y:z"), null, 200));
        q.add(new Query("queue notice unknown", "/helpdesk", Map.of("notice", "EXPLODE"), null, 200));
        q.add(new Query("queue region unknown", "/helpdesk", Map.of("region", "gotland"), null, 200));
        q.add(new Query(
                "report page klart unknown", "/helpdesk/reports/%REPORT%", Map.of("klart", "<script>"), null, 200));
        return q;
    }

    @Order(1)
    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("queries")
    void aBadQueryValueIsA400NamingItNeverA5xx(Query query) {
        var request = Staff.as("operator").redirects().follow(false);
        query.params().forEach(request::queryParam);
        Response response = request.get(query.path().replace("%REPORT%", report));
        assertEquals(query.status(), response.statusCode(), query + ": " + response.asString());
        if (query.named() != null && query.path().startsWith("/api/")) {
            Hostile.problemNaming(response.then(), query.named());
        }
        if (query.named() != null && !query.path().startsWith("/api/")) {
            assertTrue(response.asString().contains(query.named()), "the page names " + query.named());
        }
    }

    static List<String> entityTags() {
        return List.of("abc", "\"abc\"", "W/\"x\"", "\"99999999999999999999\"", "*x", "\"1\", \"2\"", "-1", "\"1.5\"");
    }

    @Order(1)
    @ParameterizedTest(name = "[{index}] If-Match «{0}»")
    @MethodSource("entityTags")
    void aGarbledIfMatchIsA400OrA412AndTheReportIsUnchanged(String tag) {
        String version = BadInputFixtures.version(report);
        Response response = Requests.operator()
                .header("If-Match", tag)
                .contentType(ContentType.JSON)
                .body(Map.of("assignee", "Anna Berg"))
                .patch("/api/fault-reports/" + report);
        assertTrue(
                response.statusCode() == 400 || response.statusCode() == 412,
                tag + " -> " + response.statusCode() + " " + response.asString());
        Hostile.refusedAsProblem(response.then());
        assertEquals(version, BadInputFixtures.version(report));
    }

    @Order(1)
    @ParameterizedTest(name = "[{index}] If-None-Match «{0}»")
    @MethodSource("entityTags")
    void aGarbledIfNoneMatchOnTheQueueIsTheFullAnswer(String tag) {
        Staff.as("operator")
                .header("If-None-Match", tag)
                .get("/helpdesk/queue")
                .then()
                .statusCode(lessThan(500))
                .statusCode(200);
    }
}
