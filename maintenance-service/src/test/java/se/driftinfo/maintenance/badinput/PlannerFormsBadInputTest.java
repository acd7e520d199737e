package se.driftinfo.maintenance.badinput;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.driftinfo.maintenance.badinput.BadInputAssertions.assertHealthy;
import static se.driftinfo.maintenance.badinput.BadInputAssertions.assertShownOnField;
import static se.driftinfo.maintenance.badinput.BadInputAssertions.browser;
import static se.driftinfo.maintenance.badinput.BadInputAssertions.create;
import static se.driftinfo.maintenance.badinput.BadInputAssertions.series;
import static se.driftinfo.maintenance.badinput.BadInputAssertions.window;
import static se.driftinfo.maintenance.badinput.BadInputAssertions.windowCount;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
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
import se.driftinfo.infra.Forms;
import se.driftinfo.infra.InfraTestResource;

/**
 * The bad-input table of the planner's form posts (issue #15), from a planner's signed-in browser (session
 * cookie and the CSRF field, no token): the window form (new and edit) and the forms to cancel or move one
 * occurrence and to cancel the series. Each case is a 400 page with the error on the field it concerns
 * (aria-invalid and the message), nothing stored, and the service still ready. An identity number (gap 9)
 * is also not shown back in the form.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@WithTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "maintenance"))
class PlannerFormsBadInputTest {

    static final String PATIENT_DATA = "personnummer eller samordningsnummer";

    private static String target;

    /** The window the occurrence, series and edit cases try to change (created on first use, in 2032). */
    static synchronized String target() {
        if (target == null) {
            target = create(series("FU-stopp mål för felaktiga formulär", 2032));
        }
        return target;
    }

    /** The window form as a planner fills it in: FU-stopp in 2032, saved. */
    static Map<String, Object> windowForm() {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("region", "norrbotten");
        form.put("timeZone", "Europe/Stockholm");
        form.put("title", "FU-stopp");
        form.put("description", "Cosmic stängs. Använd reservrutinen.");
        form.put("systems", List.of("cosmic", "labportalen"));
        form.put("preset", "monthly");
        form.put("nth", "3");
        form.put("weekday", "WE");
        form.put("startDate", "2032-01-21");
        form.put("startTime", "17:00");
        form.put("endDate", "");
        form.put("endTime", "23:00");
        form.put("action", "save");
        return form;
    }

    /** A form post from the planner's browser. */
    static RequestSpecification post(Map<String, Object> fields) {
        RequestSpecification request = browser()
                .cookie("csrf", Forms.TOKEN)
                .formParam("csrf", Forms.TOKEN)
                .contentType("application/x-www-form-urlencoded; charset=UTF-8");
        fields.forEach((name, value) -> {
            if (value instanceof List<?> values) {
                request.formParam(name, values.toArray());
            } else {
                request.formParam(name, value);
            }
        });
        return request;
    }

    // ---- the window form: POST /planner/windows/new and /planner/windows/{id}

    static Stream<Arguments> windowCases() {
        List<Arguments> cases = new ArrayList<>();
        for (Case c : BadInputs.identityNumbers()) {
            cases.add(field("title: " + c.name(), "title", "title", "title", c.value()));
            cases.add(field("description: " + c.name(), "description", "description", "description", c.value()));
        }
        cases.add(field("title: 201 characters", "title", "title", "title", "x".repeat(201)));
        cases.add(field("title: blank", "title", "title", "title", "  "));
        cases.add(field("title: NUL", "title", "title", "title", "FU\u0000stopp"));
        cases.add(field("description: 4001 characters", "description", "description", "description", "x".repeat(4001)));
        cases.add(field("description: escape character", "description", "description", "description", "\u001b[2J"));
        String[][] rules = {
            {"FREQ=SECONDLY", "FREQ=SECONDLY"},
            {"FREQ=MINUTELY", "FREQ=MINUTELY"},
            {"COUNT=1000000000", "FREQ=MONTHLY;BYDAY=3WE;COUNT=1000000000"},
            {"COUNT=0", "FREQ=MONTHLY;BYDAY=3WE;COUNT=0"},
            {"INTERVAL=0", "FREQ=MONTHLY;BYDAY=3WE;INTERVAL=0"},
            {"INTERVAL huge", "FREQ=MONTHLY;BYDAY=3WE;INTERVAL=2147483647"},
            {
                "BYSETPOS of 1000 entries (2000 characters)",
                "FREQ=MONTHLY;BYDAY=3WE;BYSETPOS=" + String.join(",", Collections.nCopies(1000, "1"))
            },
            {"yields nothing", "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30"},
            {"not a rule", "tredje onsdagen"},
            {"an identity number", "19121212-1212"},
        };
        for (String[] rule : rules) {
            cases.add(field("rrule: " + rule[0], "rrule", "rrule", "preset", "raw", "rrule", rule[1]));
        }
        cases.add(field("preset unknown", "preset-once", "rule", "preset", "hourly"));
        cases.add(field("nth 9", "preset-once", "rule", "nth", "9"));
        cases.add(field("weekday XX", "preset-once", "rule", "weekday", "XX"));
        cases.add(field("weekly without weekdays", "weekday-MO", "weekdays", "preset", "weekly"));
        cases.add(field("start in 9999", "startDate", "start", "startDate", "9999-12-15", "preset", "once"));
        cases.add(field("start in 0001", "startDate", "start", "startDate", "0001-01-01", "preset", "once"));
        cases.add(
                field("start at +999999999", "startDate", "start", "startDate", "+999999999-12-31", "preset", "once"));
        cases.add(field("start 30 February", "startDate", "start", "startDate", "2032-02-30"));
        cases.add(field("start time 25:00", "startDate", "start", "startTime", "25:00"));
        cases.add(field("end before start", "endTime", "end", "endTime", "16:00"));
        cases.add(field("duration zero", "endTime", "end", "endTime", "17:00"));
        cases.add(field("end in 9999", "endDate", "end", "endDate", "9999-01-21"));
        cases.add(field(
                "longer than the interval",
                "rrule",
                "rrule",
                "preset",
                "raw",
                "rrule",
                "FREQ=DAILY",
                "endDate",
                "2032-01-22",
                "endTime",
                "18:00"));
        cases.add(field("system unknown", "system-cosmic", "systems", "systems", List.of("takecare")));
        cases.add(field("system an identity number", "system-cosmic", "systems", "systems", List.of("19121212-1212")));
        cases.add(field("no system", "system-cosmic", "systems", "systems", List.of()));
        cases.add(field("time zone Mars/Olympus", null, "timeZone", "timeZone", "Mars/Olympus"));
        cases.add(field("time zone ../../etc/passwd", null, "timeZone", "timeZone", "../../etc/passwd"));
        return cases.stream();
    }

    @ParameterizedTest(name = "new window: {0}")
    @MethodSource("windowCases")
    void aBadNewWindowIsShownOnItsFieldAndNothingIsStored(
            String name, Map<String, Object> form, String input, String error) {
        int before = windowCount();
        Response r = post(form).post("/planner/windows/new");
        assertShownOnField(r, input, error, name);
        assertEquals(before, windowCount(), name + ": stored");
        assertPatientDataNotShownBack(name, form, r);
    }

    static Stream<Arguments> editCases() {
        List<Arguments> cases = new ArrayList<>(windowCases().toList());
        cases.add(field("effectiveFrom in 9999", "effectiveFrom", "effectiveFrom", "effectiveFrom", "9999-12-31"));
        cases.add(field("effectiveFrom in 0001", "effectiveFrom", "effectiveFrom", "effectiveFrom", "0001-01-01"));
        cases.add(field("effectiveFrom in words", "effectiveFrom", "effectiveFrom", "effectiveFrom", "nästa månad"));
        cases.add(field("effectiveFrom after the start", "startDate", "start", "effectiveFrom", "2032-06-01"));
        return cases.stream();
    }

    @ParameterizedTest(name = "edit window: {0}")
    @MethodSource("editCases")
    void aBadChangeIsShownOnItsFieldAndTheWindowStaysAsItWas(
            String name, Map<String, Object> form, String input, String error) {
        String id = target();
        Map<String, Object> before = window(id);
        int count = windowCount();
        Response r = post(form).post("/planner/windows/" + id);
        assertShownOnField(r, input, error, name);
        assertEquals(before, window(id), name + ": changed");
        assertEquals(count, windowCount(), name + ": a new series was stored");
        assertPatientDataNotShownBack(name, form, r);
    }

    // ---- the occurrence and series forms

    static Stream<Arguments> actionCases() {
        List<Arguments> cases = new ArrayList<>();
        List<Case> reasons = new ArrayList<>(BadInputs.identityNumbers());
        reasons.add(new Case("1001 characters", "x".repeat(1001)));
        reasons.add(new Case("NUL", "Semester\u0000"));
        for (Case c : reasons) {
            cases.add(action(
                    "cancel occurrence, reason " + c.name(),
                    "cancel-occurrence",
                    "cancel-reason",
                    "cancelReason",
                    "date",
                    "2032-02-18",
                    "reason",
                    c.value()));
            cases.add(action(
                    "move occurrence, reason " + c.name(),
                    "move-occurrence",
                    "move-reason",
                    "moveReason",
                    "date",
                    "2032-02-18",
                    "startDate",
                    "2032-02-19",
                    "startTime",
                    "18:00",
                    "endTime",
                    "22:00",
                    "reason",
                    c.value()));
            cases.add(action(
                    "cancel series, reason " + c.name(),
                    "cancel",
                    "series-reason",
                    "seriesReason",
                    "reason",
                    c.value()));
        }
        String[][] dates = {
            {"in 9999", "9999-12-31"},
            {"in 0001", "0001-01-01"},
            {"at +999999999", "+999999999-12-31"},
            {"not a date", "2032-02-30"},
            {"not an occurrence", "2032-02-19"}
        };
        for (String[] d : dates) {
            cases.add(action(
                    "cancel occurrence " + d[0],
                    "cancel-occurrence",
                    "cancel-date",
                    "cancelDate",
                    "date",
                    d[1],
                    "reason",
                    "x"));
            cases.add(action(
                    "move occurrence " + d[0],
                    "move-occurrence",
                    "move-date",
                    "moveDate",
                    "date",
                    d[1],
                    "startDate",
                    "2032-02-19",
                    "startTime",
                    "18:00",
                    "endTime",
                    "22:00"));
            if (!d[0].equals("not an occurrence")) { // any day may be a moved occurrence's new day
                cases.add(action(
                        "move occurrence to " + d[0],
                        "move-occurrence",
                        "move-startDate",
                        "moveStart",
                        "date",
                        "2032-02-18",
                        "startDate",
                        d[1],
                        "startTime",
                        "18:00",
                        "endTime",
                        "22:00"));
            }
        }
        cases.add(action(
                "move occurrence, end before start",
                "move-occurrence",
                "move-endTime",
                "moveEnd",
                "date",
                "2032-02-18",
                "startDate",
                "2032-02-19",
                "startTime",
                "18:00",
                "endTime",
                "17:00"));
        cases.add(action(
                "move occurrence, 15 days long",
                "move-occurrence",
                "move-endDate",
                "moveEnd",
                "date",
                "2032-02-18",
                "startDate",
                "2032-02-19",
                "startTime",
                "18:00",
                "endDate",
                "2032-03-05",
                "endTime",
                "18:00"));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("actionCases")
    void aBadOccurrenceOrSeriesFormIsShownOnItsFieldAndTheWindowStaysAsItWas(
            String name, String action, Map<String, Object> form, String input, String error) {
        String id = target();
        Map<String, Object> before = window(id);
        Response r = post(form).post("/planner/windows/" + id + "/" + action);
        assertShownOnField(r, input, error, name);
        assertEquals(before, window(id), name + ": changed");
        assertPatientDataNotShownBack(name, form, r);
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void theServiceIsStillReadyAfterEveryCase() {
        assertHealthy();
    }

    /** A text holding an identity number is answered with the patient-data message and not shown back. */
    private static void assertPatientDataNotShownBack(String name, Map<String, Object> form, Response r) {
        for (Case c : BadInputs.identityNumbers()) {
            if (form.containsValue(c.value())
                    && !form.containsKey("rrule")
                    && !(form.get("systems") instanceof List<?> s && s.contains(c.value()))) {
                String html = r.asString();
                assertTrue(html.contains(PATIENT_DATA), name + ": no patient-data message");
                assertFalse(html.contains(c.value()), name + ": shown back");
            }
        }
    }

    /** A window form case: the valid form with fields replaced (pairs), shown on {@code input}/{@code error}. */
    private static Arguments field(String name, String input, String error, Object... pairs) {
        Map<String, Object> form = windowForm();
        for (int i = 0; i < pairs.length; i += 2) {
            form.put((String) pairs[i], pairs[i + 1]);
        }
        return Arguments.of(name, form, input, error);
    }

    private static Arguments action(String name, String action, String input, String error, Object... pairs) {
        Map<String, Object> form = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            form.put((String) pairs[i], pairs[i + 1]);
        }
        return Arguments.of(name, action, form, input, error);
    }
}
