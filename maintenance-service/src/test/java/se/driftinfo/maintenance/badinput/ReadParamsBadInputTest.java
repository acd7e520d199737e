package se.driftinfo.maintenance.badinput;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.driftinfo.maintenance.badinput.BadInputAssertions.assertHealthy;
import static se.driftinfo.maintenance.badinput.BadInputAssertions.assertProblem;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.ArrayList;
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
import se.driftinfo.infra.InfraTestResource;
import se.driftinfo.infra.Staff;

/**
 * The bad-input table of the read endpoints' query and path parameters (issue #15): bad ids, bad dates,
 * dates in year 9999 and 0001, ranges spanning centuries, unknown regions and systems, NUL bytes and
 * identity numbers. Each is a 4xx problem detail naming the parameter, a 404 for an id that names
 * nothing, or a bounded 200 (an unknown system matches no window) — never a 5xx, and always quickly.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@WithTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "maintenance"))
class ReadParamsBadInputTest {

    /** A read that expands rules: well under a second; this allows a loaded CI machine. */
    static final Duration QUICKLY = Duration.ofSeconds(10);

    /** What a case expects: a 400 naming {@code field}, a 404, or a 200 (bounded: a list, quickly). */
    record Expect(int status, String field) {
        static Expect invalid(String field) {
            return new Expect(400, field);
        }

        static final Expect NOT_FOUND = new Expect(404, null);
        static final Expect BOUNDED = new Expect(200, null);
    }

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        String[][] dates = {
            {"in 9999", "9999-12-31"},
            {"in 0001", "0001-01-01"},
            {"at +999999999", "+999999999-12-31"},
            {"at -999999999", "-999999999-01-01"},
            {"30 February", "2027-02-30"},
            {"month 13", "2027-13-01"},
            {"without zeros", "2027-1-1"},
            {"in words", "yesterday"},
            {"with a time", "2027-01-01T00:00"},
            {"an identity number", "19121212-1212"},
            {"markup", "<script>alert(1)</script>"},
            {"NUL", "2027-01-01\u0000"},
        };
        for (String[] d : dates) {
            cases.add(
                    read("occurrences from " + d[0], "/api/occurrences", Map.of("from", d[1]), Expect.invalid("from")));
            cases.add(read("occurrences to " + d[0], "/api/occurrences", Map.of("to", d[1]), Expect.invalid("to")));
        }
        cases.add(read(
                "occurrences over two centuries",
                "/api/occurrences",
                Map.of("from", "1900-01-01", "to", "2100-01-01"),
                Expect.invalid("from")));
        cases.add(read(
                "occurrences from 2027 to 9999",
                "/api/occurrences",
                Map.of("from", "2027-01-01", "to", "9999-12-31"),
                Expect.invalid("to")));
        cases.add(read(
                "occurrences over more than ten years",
                "/api/occurrences",
                Map.of("from", "2026-01-01", "to", "2036-06-01"),
                Expect.invalid("to")));
        cases.add(read(
                "occurrences to before from",
                "/api/occurrences",
                Map.of("from", "2030-01-01", "to", "2029-01-01"),
                Expect.invalid("to")));
        String[][] regions = {
            {"unknown", "gotland"},
            {"upper-case", "NORRBOTTEN"},
            {"NUL", "norrbotten\u0000"},
            {"an identity number", "19121212-1212"},
            {"markup", "<script>alert(1)</script>"},
            {"path traversal", "../../etc/passwd"},
            {"SQL", "norrbotten' OR '1'='1"},
            {"2000 characters", "n".repeat(2000)},
        };
        for (String[] r : regions) {
            cases.add(read(
                    "occurrences in region " + r[0],
                    "/api/occurrences",
                    Map.of("region", r[1]),
                    Expect.invalid("region")));
            cases.add(read(
                    "windows in region " + r[0],
                    "/api/maintenance-windows",
                    Map.of("region", r[1]),
                    Expect.invalid("region")));
            cases.add(read(
                    "systems of region " + r[0], "/api/systems", Map.of("region", r[1]), Expect.invalid("region")));
        }
        for (String[] s : regions) {
            cases.add(
                    read("occurrences of system " + s[0], "/api/occurrences", Map.of("system", s[1]), Expect.BOUNDED));
            cases.add(read(
                    "windows of system " + s[0], "/api/maintenance-windows", Map.of("system", s[1]), Expect.BOUNDED));
        }
        String[][] ids = {
            {"not a UUID", "not-an-id"},
            {"a UUID of nothing", "00000000-0000-0000-0000-000000000000"},
            {"encoded path traversal", "..%2F..%2Fetc%2Fpasswd"},
            {"an identity number", "19121212-1212"},
            {"markup", "%3Cscript%3E"},
            {"NUL", "%00"},
            {"a UUID too long", "00000000-0000-0000-0000-0000000000000"},
        };
        for (String[] id : ids) {
            cases.add(read("window " + id[0], "/api/maintenance-windows/" + id[1], Map.of(), Expect.NOT_FOUND));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void aBadParameterIsRefusedNamingItOrAnswersBoundedAndQuickly(
            String name, String path, Map<String, String> query, Expect expect) {
        long began = System.nanoTime();
        RequestSpecification request = given().urlEncodingEnabled(!path.contains("%"));
        query.forEach(request::queryParam);
        Response r = request.get(path);
        Duration took = Duration.ofNanos(System.nanoTime() - began);
        assertTrue(took.compareTo(QUICKLY) < 0, name + " took " + took);
        assertEquals(expect.status(), r.statusCode(), name + ": " + r.asString());
        if (expect.status() == 200) {
            assertTrue(r.jsonPath().getList("").size() <= 1000, name + ": unbounded");
        } else {
            assertProblem(r, expect.field(), name);
        }
    }

    /** The same for a planner, whose reads run with a token (and are filtered by region). */
    @ParameterizedTest(name = "as planner: {0}")
    @MethodSource("cases")
    void theSameForAPlanner(String name, String path, Map<String, String> query, Expect expect) {
        RequestSpecification request = Staff.as("planner").urlEncodingEnabled(!path.contains("%"));
        query.forEach(request::queryParam);
        Response r = request.get(path);
        assertEquals(expect.status(), r.statusCode(), name + ": " + r.asString());
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void theServiceIsStillReadyAfterEveryCase() {
        assertHealthy();
    }

    private static Arguments read(String name, String path, Map<String, String> query, Expect expect) {
        return Arguments.of(name, path, query, expect);
    }
}
