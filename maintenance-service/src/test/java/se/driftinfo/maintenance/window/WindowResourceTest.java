package se.driftinfo.maintenance.window;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import se.driftinfo.contracts.EventTypes;
import se.driftinfo.contracts.Topics;
import se.driftinfo.contracts.maintenance.WindowEventV1;
import se.driftinfo.infra.InfraTestResource;
import se.driftinfo.infra.Staff;
import se.driftinfo.kit.inbox.IncomingEvent;
import se.driftinfo.maintenance.TopicReader;

@QuarkusTest
@WithTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "maintenance"))
class WindowResourceTest {

    static Map<String, Object> fuStopp() {
        Map<String, Object> body = new HashMap<>();
        body.put("title", "FU-stopp");
        body.put("description", "Cosmic stängs. Använd reservrutinen.");
        body.put("region", "norrbotten");
        body.put("systems", List.of("cosmic", "labportalen"));
        body.put("timeZone", "Europe/Stockholm");
        body.put("start", "2027-01-20T17:00");
        body.put("end", "2027-01-20T23:00");
        body.put("recurrence", "FREQ=MONTHLY;BYDAY=3WE");
        return body;
    }

    static RequestSpecification planner() {
        return Staff.as("planner").contentType(ContentType.JSON);
    }

    static String create(Map<String, Object> body) {
        return planner()
                .body(body)
                .post("/api/maintenance-windows")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    @Test
    void scheduledSeriesIsReturnedWithLocationAndAnnouncedOnKafka() {
        var created = planner()
                .body(fuStopp())
                .post("/api/maintenance-windows")
                .then()
                .statusCode(201)
                .extract();
        String id = created.path("id");
        assertEquals(true, created.header("Location").endsWith("/api/maintenance-windows/" + id));
        given().get("/api/maintenance-windows/" + id)
                .then()
                .statusCode(200)
                .body("sequence", equalTo(0))
                .body("recurrence", equalTo("FREQ=MONTHLY;BYDAY=3WE"))
                .body("systems", equalTo(List.of("cosmic", "labportalen")));
        WindowEventV1 event = awaitEvent(id, EventTypes.WINDOW_SCHEDULED);
        assertEquals("Europe/Stockholm", event.window().timeZone());
        assertEquals(LocalDateTime.of(2027, 1, 20, 17, 0), event.window().start());
        assertEquals("FREQ=MONTHLY;BYDAY=3WE", event.window().recurrence());
        assertEquals(0, event.window().sequence());
    }

    @Test
    void twentyFourMonthsOfOccurrencesAreTheThirdWednesdaysAtFiveLocalTime() {
        String id = create(fuStopp());
        List<Map<String, Object>> occurrences = given().queryParam("from", "2027-01-01")
                .queryParam("to", "2029-01-01")
                .get("/api/occurrences")
                .then()
                .statusCode(200)
                .extract()
                .path("findAll { it.windowId == '" + id + "' }");
        List<String> expectedStarts = new ArrayList<>();
        for (int m = 0; m < 24; m++) {
            LocalDate day = LocalDate.of(2027, 1, 1)
                    .plusMonths(m)
                    .with(TemporalAdjusters.dayOfWeekInMonth(3, DayOfWeek.WEDNESDAY));
            // Sweden is at +02:00 from the last Sunday of March to the last Sunday of October.
            LocalDate summerFrom =
                    LocalDate.of(day.getYear(), 3, 31).with(TemporalAdjusters.previousOrSame(DayOfWeek.SUNDAY));
            LocalDate summerTo =
                    LocalDate.of(day.getYear(), 10, 31).with(TemporalAdjusters.previousOrSame(DayOfWeek.SUNDAY));
            String offset = !day.isBefore(summerFrom) && day.isBefore(summerTo) ? "+02:00" : "+01:00";
            expectedStarts.add(day + "T17:00:00" + offset);
        }
        assertEquals(
                expectedStarts,
                occurrences.stream().map(o -> (String) o.get("startsAt")).toList());
        occurrences.forEach(o -> assertEquals("SCHEDULED", o.get("status")));
        occurrences.forEach(o -> assertEquals(((String) o.get("start")).substring(0, 10) + "T23:00:00", o.get("end")));
    }

    @Test
    void cancelledOccurrenceIsMarkedAndAnnouncedWithARaisedSequence() {
        String id = create(fuStopp());
        planner()
                .body(Map.of("reason", "Semester"))
                .post("/api/maintenance-windows/" + id + "/occurrences/2027-07-21/cancel")
                .then()
                .statusCode(200)
                .body("sequence", equalTo(1))
                .body("exceptions[0].status", equalTo("CANCELLED"));
        given().queryParam("from", "2027-07-01")
                .queryParam("to", "2027-08-01")
                .get("/api/occurrences")
                .then()
                .body("find { it.windowId == '" + id + "' }.status", equalTo("CANCELLED"))
                .body("find { it.windowId == '" + id + "' }.reason", equalTo("Semester"));
        WindowEventV1 event = awaitEvent(id, EventTypes.OCCURRENCE_CANCELLED);
        assertEquals(LocalDateTime.of(2027, 7, 21, 17, 0), event.occurrence().originalStart());
        assertEquals(1, event.window().sequence());
        assertEquals("Semester", event.reason());
        planner()
                .body(Map.of())
                .post("/api/maintenance-windows/" + id + "/occurrences/2027-07-21/cancel")
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
    }

    @Test
    void movedOccurrenceAppearsAtItsNewTimeOnly() {
        String id = create(fuStopp());
        planner()
                .body(Map.of("start", "2027-03-24T18:00", "end", "2027-03-24T22:00"))
                .post("/api/maintenance-windows/" + id + "/occurrences/2027-03-17/move")
                .then()
                .statusCode(200);
        List<Map<String, Object>> march = given().queryParam("from", "2027-03-01")
                .queryParam("to", "2027-04-01")
                .get("/api/occurrences")
                .then()
                .extract()
                .path("findAll { it.windowId == '" + id + "' }");
        assertEquals(1, march.size());
        assertEquals("MOVED", march.get(0).get("status"));
        assertEquals("2027-03-17T17:00:00", march.get(0).get("originalStart"));
        assertEquals("2027-03-24T18:00:00+01:00", march.get(0).get("startsAt"));
        WindowEventV1 event = awaitEvent(id, EventTypes.OCCURRENCE_MOVED);
        assertEquals(LocalDateTime.of(2027, 3, 24, 18, 0), event.occurrence().newStart());
        assertEquals("MOVED", event.window().exceptions().get(0).kind());
    }

    @Test
    void oneOffWindowCrossingMidnightCoversTheNextMorning() {
        Map<String, Object> body = fuStopp();
        body.put("title", "Sjunet byte av brandvägg");
        body.put("start", "2027-05-04T22:00");
        body.put("end", "2027-05-05T02:00");
        body.remove("recurrence");
        String id = create(body);
        given().queryParam("from", "2027-05-05")
                .queryParam("to", "2027-05-06")
                .get("/api/occurrences")
                .then()
                .body("find { it.windowId == '" + id + "' }.endsAt", equalTo("2027-05-05T02:00:00+02:00"));
    }

    @Test
    void countAndUntilEndTheSeries() {
        Map<String, Object> counted = fuStopp();
        counted.put("recurrence", "FREQ=MONTHLY;BYDAY=3WE;COUNT=3");
        String countedId = create(counted);
        Map<String, Object> until = fuStopp();
        until.put("recurrence", "FREQ=MONTHLY;BYDAY=3WE;UNTIL=20270401");
        String untilId = create(until);
        ValidatableResponse all = given().queryParam("from", "2027-01-01")
                .queryParam("to", "2028-01-01")
                .get("/api/occurrences")
                .then();
        all.body("findAll { it.windowId == '" + countedId + "' }", hasSize(3));
        all.body("findAll { it.windowId == '" + untilId + "' }", hasSize(3));
        given().get("/api/maintenance-windows/" + untilId)
                .then()
                .body("recurrence", equalTo("FREQ=MONTHLY;BYDAY=3WE;UNTIL=20270401T215959Z"));
    }

    @Test
    void editingFromADateKeepsEarlierOccurrencesAndStartsASupersedingSeries() {
        String id = create(fuStopp());
        Map<String, Object> later = fuStopp();
        later.put("start", "2027-06-16T18:00");
        later.put("end", "2027-06-16T22:00");
        later.put("effectiveFrom", "2027-06-01");
        String newId = planner()
                .body(later)
                .put("/api/maintenance-windows/" + id)
                .then()
                .statusCode(200)
                .body("supersedes", equalTo(id))
                .extract()
                .path("id");
        List<Map<String, Object>> occ = given().queryParam("from", "2027-01-01")
                .queryParam("to", "2027-09-01")
                .get("/api/occurrences")
                .then()
                .extract()
                .path("findAll { it.windowId == '" + id + "' || it.windowId == '" + newId + "' }");
        assertEquals(
                List.of(
                        "2027-01-20T17:00:00",
                        "2027-02-17T17:00:00",
                        "2027-03-17T17:00:00",
                        "2027-04-21T17:00:00",
                        "2027-05-19T17:00:00",
                        "2027-06-16T18:00:00",
                        "2027-07-21T18:00:00",
                        "2027-08-18T18:00:00"),
                occ.stream().map(o -> (String) o.get("start")).toList());
        WindowEventV1 old = awaitEvent(id, EventTypes.WINDOW_UPDATED);
        assertEquals(
                "FREQ=MONTHLY;BYDAY=3WE;UNTIL=20270519T150000Z", old.window().recurrence());
        WindowEventV1 successor = awaitEvent(newId, EventTypes.WINDOW_SCHEDULED);
        assertEquals(id, successor.window().supersedes().toString());
    }

    @Test
    void cancellingTheSeriesKeepsItsHistoryAndFreezesIt() {
        String id = create(fuStopp());
        planner()
                .queryParam("reason", "Avtalet upphör")
                .delete("/api/maintenance-windows/" + id)
                .then()
                .statusCode(200)
                .body("status", equalTo("CANCELLED"));
        given().get("/api/maintenance-windows/" + id).then().statusCode(200).body("status", equalTo("CANCELLED"));
        WindowEventV1 event = awaitEvent(id, EventTypes.WINDOW_CANCELLED);
        assertEquals("CANCELLED", event.window().status());
        assertEquals("Avtalet upphör", event.reason());
        planner()
                .body(Map.of())
                .post("/api/maintenance-windows/" + id + "/occurrences/2027-02-17/cancel")
                .then()
                .statusCode(409)
                .body("detail", startsWith("The window 'FU-stopp' is cancelled"));
    }

    @Test
    void onlyPlannersMayWrite() {
        given().contentType(ContentType.JSON)
                .body(fuStopp())
                .post("/api/maintenance-windows")
                .then()
                .statusCode(401);
        given().header("Authorization", "Bearer not-a-token-from-the-provider")
                .contentType(ContentType.JSON)
                .body(fuStopp())
                .post("/api/maintenance-windows")
                .then()
                .statusCode(401);
    }

    @Test
    void operatorIsKnownButMayNotPlanAndAnonymousMustSignIn() {
        // The accounts are the same in every service (one OIDC provider): the operator signs in, and is refused.
        Staff.as("operator")
                .contentType(ContentType.JSON)
                .body(fuStopp())
                .post("/api/maintenance-windows")
                .then()
                .statusCode(403);
        Staff.as("operator").get("/api/maintenance-windows").then().statusCode(200);
        given().contentType(ContentType.JSON)
                .body(fuStopp())
                .post("/api/maintenance-windows")
                .then()
                .statusCode(401);
    }

    @Test
    void badInputIsAProblemNamingTheField() {
        assertProblem(with("region", "gotland"), "region", "unknown region 'gotland'");
        assertProblem(
                with("systems", List.of("cosmic", "takecare")),
                "systems[1]",
                "'takecare' is not a system of Region Norrbotten");
        assertProblem(with("end", "2027-01-20T16:00"), "end", "must be after start (2027-01-20T17:00)");
        assertProblem(with("recurrence", "FREQ=MONTHLY;BYDAY=3XX"), "recurrence", null);
        assertProblem(with("timeZone", "W. Europe Standard Time"), "timeZone", null);
        assertProblem(
                with("recurrence", "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30"),
                "recurrence",
                "the rule yields no occurrence from 2027-01-20T17:00");
        Map<String, Object> offRule = with("start", "2027-01-21T17:00");
        offRule.put("end", "2027-01-21T23:00");
        assertProblem(
                offRule,
                "start",
                "is not an occurrence of the rule FREQ=MONTHLY;BYDAY=3WE (the first one from there is 2027-02-17T17:00)");
        assertProblem(with("recurrence", "FREQ=DAILY;BYHOUR=1,2"), "recurrence", null);
        assertProblem(with("title", " "), "title", null);
        assertProblem(
                with("start", "next wednesday"),
                "start",
                "cannot be read as a local date-time like 2027-01-20T17:00: 'next wednesday'");
        planner()
                .body("{\"title\": ")
                .post("/api/maintenance-windows")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", equalTo("The request body is not valid JSON"));
    }

    @Test
    void anAbsurdExpansionIsRefusedAndSaysWhy() {
        Map<String, Object> daily = fuStopp();
        daily.put("recurrence", "FREQ=DAILY");
        daily.put("start", "2027-01-01T01:00");
        daily.put("end", "2027-01-01T02:00");
        create(daily);
        given().queryParam("from", "2027-01-01")
                .queryParam("to", "2031-01-01")
                .get("/api/occurrences")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("'invalid-params'[0].name", equalTo("to"))
                .body("detail", org.hamcrest.Matchers.containsString("more than 1000 occurrences"));
    }

    @Test
    void unknownWindowIsNotFound() {
        given().get("/api/maintenance-windows/5b0e6a0e-2f7c-4d7e-9a43-0c8f3f0e8e11")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404));
        given().get("/api/maintenance-windows/not-an-id").then().statusCode(404);
    }

    private static Map<String, Object> with(String field, Object value) {
        Map<String, Object> body = fuStopp();
        body.put(field, value);
        return body;
    }

    private static void assertProblem(Map<String, Object> body, String field, String reason) {
        ValidatableResponse r = planner()
                .body(body)
                .post("/api/maintenance-windows")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("'invalid-params'.name", hasItem(field));
        if (reason != null) {
            r.body("'invalid-params'.find { it.name == '" + field + "' }.reason", equalTo(reason));
        }
    }

    private static WindowEventV1 awaitEvent(String windowId, String type) {
        List<IncomingEvent> found = new ArrayList<>();
        TopicReader.readUntil(Topics.MAINTENANCE, Duration.ofSeconds(30), e -> {
            if (windowId.equals(e.key()) && type.equals(e.type())) {
                found.add(e);
                return true;
            }
            return false;
        });
        return found.get(0).data(WindowEventV1.class);
    }
}
