package se.driftinfo.maintenance.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import se.driftinfo.infra.Forms;
import se.driftinfo.infra.InfraTestResource;
import se.driftinfo.infra.Staff;

/** The planner's pages as a planner uses them: preview, save, change and cancel, through forms. */
@QuarkusTest
@WithTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "maintenance"))
class PlannerPagesTest {

    static final String DAYTIME_WARNING = "Fönstret ligger under kundtjänstens öppettider – bekräfta";

    /** A form post by the planner, as the browser sends it (CSRF cookie and field). */
    static RequestSpecification plannerForm() {
        return Forms.form()
                .header("Authorization", Staff.authorization("planner"))
                .contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .redirects()
                .follow(false);
    }

    /**
     * Norrbotten's FU-stopp as a planner fills it in: third Wednesday of every month, 17:00–23:00. Saved
     * windows start in 2031, outside the years WindowResourceTest counts across all windows (2027–2028,
     * capped at driftinfo.occurrences.max-per-request): the test classes share one database.
     */
    static Map<String, Object> fuStopp(String title, String startDate) {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("region", "norrbotten");
        form.put("timeZone", "Europe/Stockholm");
        form.put("title", title);
        form.put("description", "Cosmic stängs. Använd reservrutinen.");
        form.put("systems", List.of("cosmic", "labportalen"));
        form.put("preset", "monthly");
        form.put("nth", "3");
        form.put("weekday", "WE");
        form.put("startDate", startDate);
        form.put("startTime", "17:00");
        form.put("endDate", "");
        form.put("endTime", "23:00");
        return form;
    }

    /** The form with some fields changed. */
    static Map<String, Object> with(Map<String, Object> form, String... pairs) {
        Map<String, Object> changed = new LinkedHashMap<>(form);
        for (int i = 0; i < pairs.length; i += 2) {
            changed.put(pairs[i], pairs[i + 1]);
        }
        return changed;
    }

    static RequestSpecification post(Map<String, Object> form) {
        return plannerForm().formParams(form);
    }

    static String unique(String title) {
        return title + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Saves a window through the page and returns its id, from the 303 to its page. */
    static String saved(Map<String, Object> form) {
        String location = post(with(form, "action", "save"))
                .post("/planner/windows/new")
                .then()
                .statusCode(303)
                .extract()
                .header("Location");
        Matcher m = Pattern.compile("/planner/windows/([0-9a-f-]{36})\\?done=created")
                .matcher(location);
        assertTrue(m.find(), location);
        return m.group(1);
    }

    static List<Map<String, Object>> occurrencesOf(String id, String from, String to) {
        List<Map<String, Object>> all = given().queryParam("region", "norrbotten")
                .queryParam("from", from)
                .queryParam("to", to)
                .get("/api/occurrences")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("");
        return all.stream().filter(o -> id.equals(o.get("windowId"))).toList();
    }

    static boolean stored(String title) {
        List<String> titles = given().queryParam("region", "norrbotten")
                .get("/api/maintenance-windows")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("title");
        return titles.contains(title);
    }

    static String page(String id) {
        return Staff.as("planner")
                .get("/planner/windows/" + id)
                .then()
                .statusCode(200)
                .extract()
                .asString();
    }

    /** The rows of the table with this id. */
    static List<String> rows(String html, String tableId) {
        int start = html.indexOf("<table id=\"" + tableId + "\"");
        assertTrue(start >= 0, "no table " + tableId);
        String table = html.substring(start, html.indexOf("</table>", start));
        String body = table.substring(table.indexOf("<tbody>"));
        return Pattern.compile("<tr[^>]*>(.*?)</tr>", Pattern.DOTALL)
                .matcher(body)
                .results()
                .map(r -> r.group(1)
                        .replaceAll("<[^>]+>", " ")
                        .replaceAll("\\s+", " ")
                        .strip())
                .toList();
    }

    static void shownOnField(String html, String inputId, String errorId) {
        assertTrue(
                Pattern.compile("id=\"" + inputId + "\"[^>]*aria-invalid=\"true\" aria-describedby=\"" + errorId
                                + "-error\"")
                        .matcher(html)
                        .find(),
                inputId + " is not marked invalid and described by " + errorId + "-error");
        assertTrue(html.contains("id=\"" + errorId + "-error\""), "no message " + errorId + "-error");
    }

    @Test
    void thirdWednesdayPresetPreviewsTwelveOccurrencesWithTheOffsetChangeAtTheEndOfOctober() {
        String title = unique("FU-stopp förhandsgranskning");
        String html = post(with(fuStopp(title, "2027-10-20"), "action", "preview"))
                .post("/planner/windows/new")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        List<String> preview = rows(html, "preview");
        assertEquals(12, preview.size(), preview.toString());
        assertTrue(preview.get(0).contains("ons 20 okt 2027 17:00–23:00 (UTC+02:00)"), preview.get(0));
        assertTrue(preview.get(1).contains("ons 17 nov 2027 17:00–23:00 (UTC+01:00)"), preview.get(1));
        assertTrue(preview.get(11).contains("ons 20 sep 2028 17:00–23:00 (UTC+02:00)"), preview.get(11));
        assertFalse(html.contains(DAYTIME_WARNING), "an evening window needs no confirmation");
        assertFalse(stored(title), "a preview saves nothing");
    }

    @Test
    void aBadRuleIsShownOnItsFieldAndNothingIsStored() {
        String title = unique("Dålig regel");
        String html = post(with(
                        fuStopp(title, "2027-01-20"), "preset", "raw", "rrule", "FREQ=HOURLY", "action", "save"))
                .post("/planner/windows/new")
                .then()
                .statusCode(400)
                .extract()
                .asString();
        shownOnField(html, "rrule", "rrule");
        assertTrue(html.contains("value=\"FREQ=HOURLY\""), "what was typed is shown again");
        assertFalse(stored(title));
    }

    @Test
    void anEndBeforeTheStartIsShownOnTheEndAndNothingIsStored() {
        String title = unique("Slut före start");
        String html = post(with(fuStopp(title, "2027-01-20"), "endTime", "16:00", "action", "save"))
                .post("/planner/windows/new")
                .then()
                .statusCode(400)
                .extract()
                .asString();
        shownOnField(html, "endTime", "end");
        assertFalse(stored(title));
    }

    @Test
    void aStartOffTheRuleAndMissingSystemsAreShownOnTheirFields() {
        String html = plannerForm()
                .formParam("region", "norrbotten")
                .formParam("timeZone", "Europe/Stockholm")
                .formParam("title", "")
                .formParam("preset", "weekly")
                .formParam("startDate", "2027-01-20")
                .formParam("startTime", "17:00")
                .formParam("endTime", "23:00")
                .formParam("action", "preview")
                .post("/planner/windows/new")
                .then()
                .statusCode(400)
                .extract()
                .asString();
        shownOnField(html, "title", "title");
        shownOnField(html, "system-cosmic", "systems");
        shownOnField(html, "weekday-MO", "weekdays");

        String offRule = post(with(fuStopp(unique("Fel startdag"), "2027-01-21"), "action", "preview"))
                .post("/planner/windows/new")
                .then()
                .statusCode(400)
                .extract()
                .asString();
        shownOnField(offRule, "startDate", "start");
        assertTrue(offRule.contains("2027-02-17T17:00"), "the domain's reason names the first occurrence");
    }

    @Test
    void savingCreatesTheSeriesShownInTheListAndTheApi() {
        String title = unique("FU-stopp");
        String id = saved(fuStopp(title, "2031-01-15"));
        assertTrue(page(id + "?done=created").contains("Fönstret är sparat."));
        List<Map<String, Object>> occurrences = occurrencesOf(id, "2031-01-01", "2031-04-01");
        assertEquals(
                List.of("2031-01-15T17:00:00+01:00", "2031-02-19T17:00:00+01:00", "2031-03-19T17:00:00+01:00"),
                occurrences.stream().map(o -> o.get("startsAt")).toList());
        Staff.as("planner")
                .get("/planner?region=norrbotten")
                .then()
                .statusCode(200)
                .body(containsString(title))
                .body(containsString("Tredje onsdagen varje månad"))
                .body(containsString("Cosmic, Labportalen"));
    }

    @Test
    void cancellingOneOccurrenceWithAReasonShowsItCancelled() {
        String id = saved(fuStopp(unique("FU-stopp inställt"), "2031-01-15"));
        String location = plannerForm()
                .formParam("date", "2031-02-19")
                .formParam("reason", "Ingen uppgradering i februari")
                .post("/planner/windows/" + id + "/cancel-occurrence")
                .then()
                .statusCode(303)
                .extract()
                .header("Location");
        String html = Staff.as("planner")
                .get(location)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertTrue(html.contains("Tillfället ons 19 feb 2031 är inställt."));
        assertTrue(
                rows(html, "occurrences").stream()
                        .anyMatch(r -> r.contains("ons 19 feb 2031")
                                && r.contains("Inställd")
                                && r.contains("Ingen uppgradering i februari")),
                rows(html, "occurrences").toString());
        Map<String, Object> february =
                occurrencesOf(id, "2031-02-01", "2031-03-01").get(0);
        assertEquals("CANCELLED", february.get("status"));

        // Cancelling it again is refused on the page, and says why.
        String again = plannerForm()
                .formParam("date", "2031-02-19")
                .formParam("reason", "")
                .post("/planner/windows/" + id + "/cancel-occurrence")
                .then()
                .statusCode(409)
                .extract()
                .asString();
        assertTrue(again.contains("id=\"cancelForm-error\""), "the refusal is shown at the form");
    }

    @Test
    void movingOneOccurrenceShowsItAtItsNewTime() {
        String id = saved(fuStopp(unique("FU-stopp flyttat"), "2031-01-15"));
        plannerForm()
                .formParam("date", "2031-03-19")
                .formParam("startDate", "2031-03-20")
                .formParam("startTime", "18:00")
                .formParam("endDate", "")
                .formParam("endTime", "23:30")
                .formParam("reason", "Krock med länsövning")
                .post("/planner/windows/" + id + "/move-occurrence")
                .then()
                .statusCode(303)
                .header("Location", containsString("done=occurrence-moved"));
        Map<String, Object> march =
                occurrencesOf(id, "2031-03-01", "2031-04-01").get(0);
        assertEquals("MOVED", march.get("status"));
        assertEquals("2031-03-20T18:00:00+01:00", march.get("startsAt"));
        assertTrue(page(id).contains("tors 20 mar"), "the page shows the new date");

        String wrong = plannerForm()
                .formParam("date", "2031-04-16")
                .formParam("startDate", "2031-04-16")
                .formParam("startTime", "18:00")
                .formParam("endTime", "17:00")
                .post("/planner/windows/" + id + "/move-occurrence")
                .then()
                .statusCode(400)
                .extract()
                .asString();
        shownOnField(wrong, "move-endTime", "moveEnd");
    }

    @Test
    void changingTheSeriesFromADateKeepsEarlierOccurrencesAndStartsANewSeries() {
        String id = saved(fuStopp(unique("FU-stopp ändrat"), "2031-01-15"));
        String location = post(with(
                        fuStopp("FU-stopp från juni", "2031-06-18"),
                        "startTime",
                        "18:00",
                        "effectiveFrom",
                        "2031-06-01",
                        "action",
                        "save"))
                .post("/planner/windows/" + id)
                .then()
                .statusCode(303)
                .extract()
                .header("Location");
        Matcher m =
                Pattern.compile("/planner/windows/([0-9a-f-]{36})\\?done=split").matcher(location);
        assertTrue(m.find(), location);
        String successor = m.group(1);
        assertNotEquals(id, successor);
        assertEquals(5, occurrencesOf(id, "2031-01-01", "2032-01-01").size(), "January to May stay");
        assertEquals(
                "2031-06-18T18:00:00+02:00",
                occurrencesOf(successor, "2031-01-01", "2032-01-01").get(0).get("startsAt"));
        given().get("/api/maintenance-windows/" + successor)
                .then()
                .body("supersedes", equalTo(id))
                .body("title", equalTo("FU-stopp från juni"));
    }

    @Test
    void cancellingTheSeriesKeepsItsHistory() {
        String id = saved(fuStopp(unique("FU-stopp avslutat"), "2031-01-15"));
        plannerForm()
                .formParam("reason", "Cosmic ersätts")
                .post("/planner/windows/" + id + "/cancel")
                .then()
                .statusCode(303)
                .header("Location", containsString("done=cancelled"));
        given().get("/api/maintenance-windows/" + id).then().body("status", equalTo("CANCELLED"));
        String html = page(id + "?done=cancelled");
        assertTrue(html.contains("Hela serien är inställd."));
        assertFalse(html.contains("/cancel-occurrence"), "a cancelled series offers no more changes");
    }

    @Test
    void aDaytimeStopIsSavedOnlyWhenConfirmed() {
        String title = unique("Dagtidsstopp");
        Map<String, Object> mondayMornings = new LinkedHashMap<>();
        mondayMornings.put("region", "norrbotten");
        mondayMornings.put("timeZone", "Europe/Stockholm");
        mondayMornings.put("title", title);
        mondayMornings.put("systems", "sectra");
        mondayMornings.put("preset", "weekly");
        mondayMornings.put("weekdays", "MO");
        mondayMornings.put("startDate", "2031-02-03");
        mondayMornings.put("startTime", "10:00");
        mondayMornings.put("endTime", "12:00");
        mondayMornings.put("action", "save");
        String html = post(mondayMornings)
                .post("/planner/windows/new")
                .then()
                .statusCode(400)
                .extract()
                .asString();
        assertTrue(html.contains(DAYTIME_WARNING));
        assertTrue(html.contains("id=\"confirmDaytime\""), "the confirmation checkbox is offered");
        assertFalse(stored(title), "not saved without the confirmation");

        String id = saved(with(mondayMornings, "confirmDaytime", "yes"));
        assertEquals(4, occurrencesOf(id, "2031-02-01", "2031-03-01").size());
        assertTrue(stored(title));
    }

    @Test
    void onlyPlannersGetThePages() {
        int anonymous = given().redirects().follow(false).get("/planner").statusCode();
        assertNotEquals(200, anonymous);
        Staff.as("operator").get("/planner").then().statusCode(403);
        Staff.as("operator").get("/planner/windows/new").then().statusCode(403);
        Forms.form()
                .header("Authorization", Staff.authorization("operator"))
                .formParam("reason", "x")
                .post("/planner/windows/" + UUID.randomUUID() + "/cancel")
                .then()
                .statusCode(403);
        Staff.as("planner")
                .get("/planner")
                .then()
                .statusCode(200)
                .body(containsString("<h1>Servicefönster i "), not(containsString("style=")));
    }

    @Test
    void aPlannerOfNorrbottenNeitherSeesNorChangesAnotherRegionsWindows() {
        Map<String, Object> dalarna = new LinkedHashMap<>();
        dalarna.put("region", "dalarna");
        dalarna.put("timeZone", "Europe/Stockholm");
        dalarna.put("title", unique("TakeCare-uppgradering"));
        dalarna.put("systems", "takecare");
        dalarna.put("preset", "once");
        dalarna.put("startDate", "2031-03-08");
        dalarna.put("startTime", "18:00");
        dalarna.put("endTime", "22:00");
        String id = saved(dalarna);

        String limited = Staff.authorization("planner-norrbotten");
        given().header("Authorization", limited)
                .get("/planner/windows/" + id)
                .then()
                .statusCode(403);
        given().header("Authorization", limited)
                .get("/planner?region=dalarna")
                .then()
                .statusCode(403);
        Forms.form()
                .header("Authorization", limited)
                .formParam("reason", "fel region")
                .post("/planner/windows/" + id + "/cancel")
                .then()
                .statusCode(403);
        given().header("Authorization", limited)
                .get("/api/maintenance-windows/" + id)
                .then()
                .statusCode(403);
        given().header("Authorization", limited)
                .queryParam("reason", "fel region")
                .delete("/api/maintenance-windows/" + id)
                .then()
                .statusCode(403);
        List<String> regions = given().header("Authorization", limited)
                .get("/api/maintenance-windows")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("region");
        assertTrue(regions.stream().allMatch("norrbotten"::equals), regions.toString());
        given().header("Authorization", limited)
                .get("/planner")
                .then()
                .statusCode(200)
                .body(containsString("Servicefönster i Region Norrbotten"), not(containsString("Region Dalarna")));
        given().get("/api/maintenance-windows/" + id).then().statusCode(200).body("status", equalTo("SCHEDULED"));
    }

    @Test
    void everyFormOnAWindowPageCarriesTheCsrfField() {
        String id = saved(fuStopp(unique("FU-stopp formulär"), "2031-01-15"));
        Response response = Staff.as("planner").get("/planner/windows/" + id);
        String html = response.asString();
        long forms =
                Pattern.compile("<form method=\"post\"").matcher(html).results().count();
        long tokens = Pattern.compile("<input type=\"hidden\" name=\"csrf\" value=\"[A-Za-z0-9_-]{43}\">")
                .matcher(html)
                .results()
                .count();
        assertEquals(4, forms);
        assertEquals(forms, tokens);
    }
}
