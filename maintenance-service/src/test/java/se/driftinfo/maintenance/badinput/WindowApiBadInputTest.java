package se.driftinfo.maintenance.badinput;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static se.driftinfo.maintenance.badinput.BadInputAssertions.assertHealthy;
import static se.driftinfo.maintenance.badinput.BadInputAssertions.assertProblem;
import static se.driftinfo.maintenance.badinput.BadInputAssertions.create;
import static se.driftinfo.maintenance.badinput.BadInputAssertions.fieldOf;
import static se.driftinfo.maintenance.badinput.BadInputAssertions.planner;
import static se.driftinfo.maintenance.badinput.BadInputAssertions.series;
import static se.driftinfo.maintenance.badinput.BadInputAssertions.window;
import static se.driftinfo.maintenance.badinput.BadInputAssertions.windowCount;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import se.driftinfo.infra.BadInputs;
import se.driftinfo.infra.BadInputs.Body;
import se.driftinfo.infra.BadInputs.Case;
import se.driftinfo.infra.InfraTestResource;

/**
 * The bad-input table of the window API's writes (issue #15), with a planner's bearer token: create,
 * update, cancel and move one occurrence, cancel the series. Every case is a 4xx problem detail naming
 * the field, stores nothing (the window count, or the window itself, is as before), and leaves the
 * service ready. Identity numbers in every free-text field are gap 9; RRULE bombs, year 9999, unknown
 * zones and impossible durations are the window validation hardening.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@WithTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "maintenance"))
class WindowApiBadInputTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String VALID = json(series("FU-stopp", 2032));

    /** The window the occurrence and update cases try to change (created on first use, in 2032). */
    private static String target;

    static synchronized String target() {
        if (target == null) {
            target = create(series("FU-stopp mål för felaktiga ändringar", 2032));
        }
        return target;
    }

    // ---- POST /api/maintenance-windows

    /** Valid variants the catalogue makes (optional fields may be missing; a description may be long). */
    static final Set<String> VALID_VARIANTS =
            Set.of("description missing", "recurrence missing", "description: one character over 200");

    static Stream<Arguments> createCases() {
        List<Arguments> cases = new ArrayList<>();
        for (Case c : BadInputs.jsonVariants(VALID, 200)) {
            if (!VALID_VARIANTS.contains(c.name())) {
                cases.add(Arguments.of(c.name(), c.value(), fieldOf(c)));
            }
        }
        with(cases, "description: one character over 4000", "description", "description", "x".repeat(4001));
        with(cases, "systems: an identity number", "systems", "systems", List.of("19121212-1212"));
        with(cases, "systems: empty", "systems", "systems", List.of());
        with(cases, "systems: 51 of them", "systems", "systems", Collections.nCopies(51, "cosmic"));
        with(cases, "title: blank", "title", "title", "   ");
        with(cases, "title: NUL", "title", "title", "FU-stopp\u0000");
        with(cases, "description: bell character", "description", "description", "ring\u0007");
        with(cases, "title: identity number hidden by a zero-width space", "title", "title", "19121212\u200b-1212");
        for (String[] bomb : RRULE_BOMBS) {
            with(cases, "recurrence: " + bomb[0], "recurrence", "recurrence", bomb[1]);
        }
        with(
                cases,
                "start in 9999",
                "start",
                "start",
                "9999-12-31T17:00",
                "end",
                "9999-12-31T23:00",
                "recurrence",
                null);
        with(
                cases,
                "start in 0001",
                "start",
                "start",
                "0001-01-01T17:00",
                "end",
                "0001-01-01T23:00",
                "recurrence",
                null);
        with(cases, "start at +999999999", "start", "start", "+999999999-12-31T17:00", "recurrence", null);
        with(cases, "start not a date", "start", "start", "2032-02-30T17:00");
        with(cases, "timeZone Mars/Olympus", "timeZone", "timeZone", "Mars/Olympus");
        with(cases, "timeZone ../../etc/passwd", "timeZone", "timeZone", "../../etc/passwd");
        with(cases, "timeZone empty", "timeZone", "timeZone", "");
        with(cases, "timeZone a Windows name", "timeZone", "timeZone", "W. Europe Standard Time");
        with(cases, "duration zero", "end", "end", "2032-01-21T17:00");
        with(cases, "end before start", "end", "end", "2032-01-21T16:00");
        with(cases, "end 15 days on", "end", "end", "2032-02-05T17:00", "recurrence", null);
        with(cases, "end in 9999", "end", "end", "9999-01-21T17:00");
        with(cases, "longer than the interval", "recurrence", "end", "2032-01-22T18:00", "recurrence", "FREQ=DAILY");
        with(cases, "region unknown", "region", "region", "gotland");
        with(cases, "region with NUL", "region", "region", "norrbotten\u0000");
        return cases.stream();
    }

    static final String[][] RRULE_BOMBS = {
        {"FREQ=SECONDLY", "FREQ=SECONDLY"},
        {"FREQ=MINUTELY", "FREQ=MINUTELY"},
        {"COUNT=1000000000", "FREQ=MONTHLY;BYDAY=3WE;COUNT=1000000000"},
        {"COUNT=0", "FREQ=MONTHLY;BYDAY=3WE;COUNT=0"},
        {"INTERVAL=0", "FREQ=MONTHLY;BYDAY=3WE;INTERVAL=0"},
        {"INTERVAL=-1", "FREQ=MONTHLY;BYDAY=3WE;INTERVAL=-1"},
        {"INTERVAL huge", "FREQ=MONTHLY;BYDAY=3WE;INTERVAL=2147483647"},
        {
            "BYSETPOS of 10k entries",
            "FREQ=MONTHLY;BYDAY=3WE;BYSETPOS=" + String.join(",", Collections.nCopies(10_000, "1"))
        },
        {"BYMONTHDAY of 10k entries", "FREQ=MONTHLY;BYMONTHDAY=" + String.join(",", Collections.nCopies(10_000, "21"))},
        {"yields nothing", "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30"},
        {"UNTIL before start", "FREQ=MONTHLY;BYDAY=3WE;UNTIL=00010101"},
        {"UNTIL not a date", "FREQ=MONTHLY;BYDAY=3WE;UNTIL=99999999999"},
        {"BYHOUR (sub-daily)", "FREQ=DAILY;BYHOUR=1,2,3"},
    };

    @ParameterizedTest(name = "create: {0}")
    @MethodSource("createCases")
    void aBadWindowIsRefusedNamingTheFieldAndNothingIsStored(String name, String body, String field) {
        int before = windowCount();
        Response r = planner().body(body).post("/api/maintenance-windows");
        assertProblem(r, field, name);
        assertEquals(before, windowCount(), name + ": stored");
    }

    static Stream<Arguments> malformedBodies() {
        return BadInputs.malformedBodies(VALID).stream().map(b -> Arguments.of(b.name(), b));
    }

    @ParameterizedTest(name = "create: {0}")
    @MethodSource("malformedBodies")
    void aBodyThatIsNotAWindowIsRefusedAndNothingIsStored(String name, Body body) {
        int before = windowCount();
        RequestSpecification request = planner().contentType(body.contentType());
        if (body.contentType().contains("form")) {
            request.body(new String(body.bytes(), UTF_8)); // RestAssured encodes forms from text only
        } else {
            request.body(body.bytes());
        }
        Response r = request.post("/api/maintenance-windows");
        assertProblem(r, null, name);
        assertEquals(before, windowCount(), name + ": stored");
    }

    // ---- PUT /api/maintenance-windows/{id}

    static Stream<Arguments> updateCases() {
        List<Arguments> cases = new ArrayList<>(createCases().toList());
        with(cases, "effectiveFrom in 9999", "effectiveFrom", "effectiveFrom", "9999-12-31");
        with(cases, "effectiveFrom in 0001", "effectiveFrom", "effectiveFrom", "0001-01-01");
        with(cases, "effectiveFrom not a date", "effectiveFrom", "effectiveFrom", "next month");
        with(cases, "effectiveFrom a number", "effectiveFrom", "effectiveFrom", 20320301);
        with(cases, "effectiveFrom after the new start", "start", "effectiveFrom", "2032-06-01");
        return cases.stream();
    }

    @ParameterizedTest(name = "update: {0}")
    @MethodSource("updateCases")
    void aBadChangeIsRefusedNamingTheFieldAndTheWindowStaysAsItWas(String name, String body, String field) {
        String id = target();
        Map<String, Object> before = window(id);
        int count = windowCount();
        Response r = planner().body(body).put("/api/maintenance-windows/" + id);
        assertProblem(r, field, name);
        assertEquals(before, window(id), name + ": changed");
        assertEquals(count, windowCount(), name + ": a new series was stored");
    }

    // ---- POST …/occurrences/{date}/cancel and …/move, DELETE …?reason=

    static Stream<Arguments> cancelCases() {
        List<Arguments> cases = new ArrayList<>();
        for (Case c : BadInputs.jsonVariants("{\"reason\":\"Semester\"}", 1000)) {
            if (!c.name().equals("reason missing")) {
                cases.add(Arguments.of(c.name(), "2032-02-18", c.value(), fieldOf(c)));
            }
        }
        cases.add(Arguments.of("reason: NUL", "2032-02-18", "{\"reason\":\"a\\u0000b\"}", "reason"));
        for (String[] date : BAD_DATES) {
            cases.add(Arguments.of("date " + date[0], date[1], "{\"reason\":\"Semester\"}", "date"));
        }
        return cases.stream();
    }

    static final String[][] BAD_DATES = {
        {"in 9999", "9999-12-31"},
        {"in 0001", "0001-01-01"},
        {"at +999999999", "+999999999-12-31"},
        {"30 February", "2032-02-30"},
        {"month 13", "2032-13-01"},
        {"in words", "tomorrow"},
        {"an identity number", "19121212-1212"},
        {"markup", "<script>"},
    };

    @ParameterizedTest(name = "cancel occurrence: {0}")
    @MethodSource("cancelCases")
    void aBadCancellationIsRefusedAndTheWindowStaysAsItWas(String name, String date, String body, String field) {
        String id = target();
        Map<String, Object> before = window(id);
        Response r = planner().body(body).post("/api/maintenance-windows/" + id + "/occurrences/" + date + "/cancel");
        assertProblem(r, field, name);
        assertEquals(before, window(id), name + ": changed");
    }

    static Stream<Arguments> moveCases() {
        String valid = "{\"start\":\"2032-02-19T18:00\",\"end\":\"2032-02-19T22:00\",\"reason\":\"Krock\"}";
        List<Arguments> cases = new ArrayList<>();
        for (Case c : BadInputs.jsonVariants(valid, 1000)) {
            if (!c.name().equals("reason missing")) {
                cases.add(Arguments.of(c.name(), "2032-02-18", c.value(), fieldOf(c)));
            }
        }
        cases.add(
                Arguments.of("new start in 9999", "2032-02-18", move("9999-02-19T18:00", "9999-02-19T22:00"), "start"));
        cases.add(
                Arguments.of("new start in 0001", "2032-02-18", move("0001-02-19T18:00", "0001-02-19T22:00"), "start"));
        cases.add(Arguments.of(
                "new end before start", "2032-02-18", move("2032-02-19T18:00", "2032-02-19T17:00"), "end"));
        cases.add(
                Arguments.of("new end 15 days on", "2032-02-18", move("2032-02-19T18:00", "2032-03-05T18:00"), "end"));
        for (String[] date : BAD_DATES) {
            cases.add(Arguments.of("date " + date[0], date[1], valid, "date"));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "move occurrence: {0}")
    @MethodSource("moveCases")
    void aBadMoveIsRefusedAndTheWindowStaysAsItWas(String name, String date, String body, String field) {
        String id = target();
        Map<String, Object> before = window(id);
        Response r = planner().body(body).post("/api/maintenance-windows/" + id + "/occurrences/" + date + "/move");
        assertProblem(r, field, name);
        assertEquals(before, window(id), name + ": changed");
    }

    static Stream<Arguments> seriesReasons() {
        List<Arguments> cases = new ArrayList<>();
        for (Case c : BadInputs.identityNumbers()) {
            cases.add(Arguments.of(c.name(), c.value()));
        }
        cases.add(Arguments.of("one character over 1000", "x".repeat(1001)));
        cases.add(Arguments.of("NUL", "Avtalet\u0000"));
        cases.add(Arguments.of("escape character", "Avtalet\u001b[31m"));
        return cases.stream();
    }

    @ParameterizedTest(name = "cancel series: reason {0}")
    @MethodSource("seriesReasons")
    void aBadReasonForCancellingTheSeriesIsRefusedAndTheSeriesStays(String name, String reason) {
        String id = target();
        Map<String, Object> before = window(id);
        Response r = planner().queryParam("reason", reason).delete("/api/maintenance-windows/" + id);
        assertProblem(r, "reason", name);
        assertEquals(before, window(id), name + ": changed");
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void theServiceIsStillReadyAfterEveryCase() {
        assertHealthy();
    }

    private static String move(String start, String end) {
        return "{\"start\":\"" + start + "\",\"end\":\"" + end + "\"}";
    }

    /**
     * A case from the valid body with fields replaced: pairs of name and value (null removes the field);
     * {@code expected} is the field the refusal must name.
     */
    private static void with(List<Arguments> cases, String name, String expected, Object... pairs) {
        Map<String, Object> body = series("FU-stopp", 2032);
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] == null) {
                body.remove((String) pairs[i]);
            } else {
                body.put((String) pairs[i], pairs[i + 1]);
            }
        }
        cases.add(Arguments.of(name, json(body), expected));
    }

    private static String json(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
