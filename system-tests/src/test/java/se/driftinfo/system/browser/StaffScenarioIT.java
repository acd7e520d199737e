package se.driftinfo.system.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static se.driftinfo.system.browser.Pages.assertAccessible;
import static se.driftinfo.system.browser.Pages.reloadUntil;
import static se.driftinfo.system.browser.Pages.signIn;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.Cookie;
import io.restassured.http.ContentType;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import se.driftinfo.system.RunningSystem;

/**
 * Issue #16's staff scenario in a real browser, in order: a clinic reports a fault and two more
 * reports on the same system make a burst; an operator signs in through Keycloak, triages the report,
 * puts it on hold (the SLA pauses), declares the outage from the burst suggestion; the public
 * /driftinfo page shows it; the operator resolves it and the reporter gets exactly one "resolved" mail.
 * Then a planner plans FU-stopp-like maintenance (third Wednesday, 17:00–23:00), previews it across the
 * change of UTC offset, saves it and cancels one occurrence, which /driftinfo's month view and the
 * region's calendar feed show as cancelled. Finally the sign-in cookie is HttpOnly, and a Norrbotten
 * operator cannot open another region's report (403).
 *
 * <p>Every page is photographed as {@code staff-NN-….png} (target/screenshots/StaffScenarioIT) and
 * checked with axe. Region Kronoberg's Tele-Q (fault reports) and 1177 (maintenance) are this test's:
 * no other system test reports on or plans them.
 */
@BrowserTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StaffScenarioIT {

    private static final String REGION = "kronoberg";
    private static final String REGION_NAME = "Region Kronoberg";
    private static final String SYSTEM = "tele-q";
    private static final String SYSTEM_NAME = "Tele-Q";
    private static final String REPORTER = "karin.holm@vc-alvesta.example";
    private static final String OUTAGE_TITLE = "Tele-Q tar inte emot samtal";
    private static final String RESOLUTION = "Tele-Q fungerar igen efter omstart av växelkopplingen.";
    private static final String WINDOW_TITLE = "Uppdatering av 1177 e-tjänster";
    private static final ZoneId STOCKHOLM = ZoneId.of("Europe/Stockholm");

    private static long started;
    private static int shot;

    /** What one step leaves for the next. */
    private static String reference;

    private static String reportUrl;

    @BeforeAll
    static void start() {
        started = System.nanoTime();
    }

    @AfterAll
    static void elapsed() {
        System.out.printf(
                "[browser] StaffScenarioIT: the staff scenario took %.1f s%n", (System.nanoTime() - started) / 1e9);
    }

    @Test
    @Order(1)
    void aClinicReportsAFaultAndTwoMoreReportsMakeABurst(Page page) {
        page.navigate(incident() + "/felanmalan");
        reloadUntil(
                page,
                "the catalog's systems in the form",
                60_000,
                () -> page.locator("option[value='" + REGION + "/" + SYSTEM + "']")
                                .count()
                        > 0);
        page.getByLabel("Enhetens HSA-id").fill("SE2321000065-0301");
        page.getByLabel("Enhetens namn").fill("Vårdcentralen Alvesta");
        page.getByLabel("Ditt namn").fill("Karin Holm");
        page.getByLabel("E-post").fill(REPORTER);
        page.getByLabel("System").selectOption(REGION + "/" + SYSTEM);
        page.getByLabel("Beskriv felet").fill("Tele-Q tar inte emot några samtal sedan 07:45, kön står tom.");
        page.getByLabel("Hur brådskande").selectOption("HIGH");
        shoot(page, "felanmalan-ifylld");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Skicka felanmälan"))
                .click();

        Locator ref = page.locator("#reference");
        assertThat(ref).hasText(Pattern.compile("FR-20\\d\\d-\\d{6}"));
        reference = ref.innerText().strip();
        shoot(page, "kvitto");

        // Two more units report the same system through the provider API, within the burst window.
        for (String unit : List.of("0302", "0303")) {
            given().baseUri(incident())
                    .header("X-Api-Key", "demo-provider-key")
                    .contentType(ContentType.JSON)
                    .body(Map.of(
                            "reporterHsaId",
                            "SE2321000230-" + unit,
                            "unitName",
                            "Vårdcentralen " + unit,
                            "contactName",
                            "Kontakt " + unit,
                            "contactEmail",
                            "kontakt-" + unit + "@vc-kronoberg.example",
                            "region",
                            REGION,
                            "system",
                            SYSTEM,
                            "description",
                            "Tele-Q: inga samtal kommer fram till sjuksköterskorna.",
                            "urgency",
                            "HIGH"))
                    .post("/api/fault-reports")
                    .then()
                    .statusCode(201);
        }
        System.out.println("[staff] reported " + reference + " and two more on " + SYSTEM_NAME);
    }

    @Test
    @Order(2)
    void anOperatorSignsInTriagesPausesTheSlaAndDeclaresTheOutageFromTheBurst(Page page, BrowserContext context) {
        assertTrue(reference != null, "step 1 gave a reference");
        page.navigate(incident() + "/helpdesk");
        assertThat(page.locator("#username")).isVisible();
        assertTrue(!page.url().startsWith(incident()), "sent to the identity provider: " + page.url());
        shoot(page, "keycloak-inloggning");
        signIn(page, "operator", "operator-demo");
        assertTrue(page.url().startsWith(incident() + "/helpdesk"), "back on the queue: " + page.url());
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Felanmälningar");

        // The sign-in cookie is out of reach of scripts.
        List<Cookie> session = context.cookies(incident()).stream()
                .filter(c -> c.name.startsWith("q_session"))
                .toList();
        assertFalse(session.isEmpty(), "a session cookie after sign-in: " + context.cookies(incident()));
        for (Cookie c : session) {
            assertTrue(Boolean.TRUE.equals(c.httpOnly), c.name + " is HttpOnly");
        }

        // The queue, filtered to the region and system: the report is at the top.
        page.locator("#f-region").selectOption(REGION);
        page.locator("#f-system").selectOption(SYSTEM);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Filtrera"))
                .click();
        Locator rows = page.locator("#rows tr[data-reference]");
        assertThat(rows).hasCount(3);
        assertThat(rows.first()).hasAttribute("data-reference", reference);
        assertThat(page.locator("article.burst")
                        .filter(new Locator.FilterOptions().setHasText(SYSTEM_NAME + " i " + REGION_NAME)))
                .isVisible();
        shoot(page, "ko-med-skurforslag");

        // The report page: impact and urgency give the priority.
        rows.first()
                .getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(reference))
                .click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Felanmälan " + reference);
        reportUrl = page.url().replaceAll("\\?.*", "");
        page.locator("#impact").selectOption("HIGH");
        page.locator("#urgency").selectOption("HIGH");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Spara bedömning"))
                .click();
        assertThat(page.locator("#current-priority")).containsText("P1");
        assertThat(page.locator("#matrix td.current")).containsText("P1");
        shoot(page, "arende-bedomt");

        // On hold, waiting for the reporter: the SLA clock stops (TRIAGED may go straight there).
        page.locator("#status").selectOption("WAITING_FOR_REPORTER");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ändra status"))
                .click();
        assertThat(page.locator("#current-status")).hasText("Väntar på anmälaren");
        assertThat(page.locator("#sla-paused")).containsText("SLA pausad");
        shoot(page, "arende-sla-pausad");

        // Back on the queue, the burst suggestion becomes an outage with the three reports linked.
        page.navigate(incident() + "/helpdesk");
        Locator burst = page.locator("article.burst")
                .filter(new Locator.FilterOptions().setHasText(SYSTEM_NAME + " i " + REGION_NAME));
        burst.locator("summary").click();
        burst.getByLabel("Rubrik").fill(OUTAGE_TITLE);
        shoot(page, "deklarera-fran-skur");
        burst.locator("form.declare button[type=submit]").click();
        page.waitForURL(Pattern.compile(".*/helpdesk/outages/[^/?]+.*"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .containsText(OUTAGE_TITLE);
        assertThat(page.locator("#linked tbody tr")).hasCount(3);
        assertThat(page.locator("#linked")).containsText(reference);
        outageUrl = page.url().replaceAll("\\?.*", "");
        shoot(page, "driftstorning-deklarerad");
    }

    private static String outageUrl;

    @Test
    @Order(3)
    void driftinfoShowsTheOutageAndResolvingItResolvesTheReportWithOneMail(Page page, BrowserContext context) {
        assertTrue(outageUrl != null, "step 2 declared an outage");
        // The public page, no account: the outage arrives through Kafka.
        page.navigate(notifier() + "/driftinfo?region=" + REGION);
        Locator row = page.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText(OUTAGE_TITLE));
        reloadUntil(page, "the outage on /driftinfo", 30_000, () -> row.count() > 0);
        assertThat(row.first()).containsText(SYSTEM_NAME);
        shoot(page, "driftinfo-driftstorning");

        // The operator resolves it.
        page.navigate(outageUrl);
        signIn(page, "operator", "operator-demo");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .containsText(OUTAGE_TITLE);
        page.locator("#resolution").fill(RESOLUTION);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Lös driftstörningen"))
                .click();
        assertThat(page.locator("#timeline li.resolved")).containsText(RESOLUTION);
        assertThat(page.locator("#resolution")).hasCount(0);
        shoot(page, "driftstorning-lost");

        // The linked report followed it.
        page.navigate(reportUrl);
        assertThat(page.locator("#current-status")).hasText("Åtgärdad");
        assertThat(page.locator(".comments")).containsText(RESOLUTION);
        shoot(page, "arende-atgardat");

        // The reporter is told once.
        String subject = "Er felanmälan " + reference + " är åtgärdad";
        long deadline = System.currentTimeMillis() + 30_000;
        while (resolvedMails(subject).isEmpty() && System.currentTimeMillis() < deadline) {
            page.waitForTimeout(500);
        }
        page.waitForTimeout(3_000); // a duplicate would come right after
        List<String> mails = resolvedMails(subject);
        assertEquals(1, mails.size(), "mails to " + REPORTER + " saying " + reference + " is resolved: " + mails);
    }

    @Test
    @Order(4)
    void aPlannerPlansAThirdWednesdaySeriesPreviewsTheOffsetChangeAndCancelsOneOccurrence(Page page) {
        LocalDate first =
                LocalDate.now(STOCKHOLM).plusMonths(1).with(TemporalAdjusters.dayOfWeekInMonth(3, DayOfWeek.WEDNESDAY));
        LocalDate cancelled = first.plusMonths(1).with(TemporalAdjusters.dayOfWeekInMonth(3, DayOfWeek.WEDNESDAY));
        cancelledDate = cancelled;

        page.navigate(maintenance() + "/planner?region=" + REGION);
        shoot(page, "keycloak-planerare");
        signIn(page, "planner", "planner-demo");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText("Servicefönster i " + REGION_NAME);
        shoot(page, "planerare-lista");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Nytt servicefönster i " + REGION_NAME))
                .click();
        page.locator("#title").fill(WINDOW_TITLE);
        page.locator("#description").fill("1177 e-tjänster är stängda. Hänvisa invånarna till telefon.");
        page.locator("#system-1177").check();
        page.locator("#preset-monthly").check();
        page.locator("#nth").selectOption("3");
        page.locator("#weekday").selectOption("WE");
        page.locator("#startDate").fill(first.toString());
        page.locator("#startTime").fill("17:00");
        page.locator("#endTime").fill("23:00");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Förhandsgranska"))
                .click();

        Locator preview = page.locator("#preview tbody tr");
        assertThat(preview).hasCount(12);
        String occurrences = page.locator("#preview").innerText();
        assertTrue(occurrences.contains("17:00–23:00 (UTC+01:00)"), occurrences);
        assertTrue(occurrences.contains("17:00–23:00 (UTC+02:00)"), occurrences);
        // Kronoberg's support is round the clock: a stop at 17:00 is during it, and must be confirmed.
        Locator confirm = page.locator("#confirmDaytime");
        if (confirm.count() > 0) {
            confirm.check();
        }
        shoot(page, "planerare-forhandsgranskning");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Spara"))
                .click();
        page.waitForURL(Pattern.compile(".*/planner/windows/[^/?]+.*"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .hasText(WINDOW_TITLE);
        shoot(page, "planerare-sparad");

        page.locator("#cancel-date").selectOption(cancelled.toString());
        page.locator("#cancel-reason").fill("Ingen uppdatering behövs den här månaden.");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ställ in tillfället"))
                .click();
        assertThat(page.locator("#occurrences tr.cancelled")).hasCount(1);
        assertThat(page.locator("#occurrences tr.cancelled")).containsText("Ingen uppdatering behövs den här månaden.");
        shoot(page, "planerare-tillfalle-installt");
    }

    private static LocalDate cancelledDate;

    @Test
    @Order(5)
    void driftinfosMonthAndTheRegionFeedShowTheOccurrenceCancelled(Page page) {
        assertTrue(cancelledDate != null, "step 4 cancelled an occurrence");
        String month = cancelledDate.format(DateTimeFormatter.ofPattern("yyyy-MM"));
        page.navigate(notifier() + "/driftinfo?region=" + REGION + "&month=" + month);
        Locator day = page.locator("#day-" + cancelledDate + " li.cancelled")
                .filter(new Locator.FilterOptions().setHasText(WINDOW_TITLE));
        reloadUntil(page, "the cancelled occurrence in the month", 30_000, () -> day.count() > 0);
        assertThat(day).containsText("Inställt");
        shoot(page, "driftinfo-manad-installt");

        String date = cancelledDate.format(DateTimeFormatter.BASIC_ISO_DATE);
        long deadline = System.currentTimeMillis() + 30_000;
        String event = "";
        while (true) {
            event = feedEvents().stream()
                    .filter(e -> e.contains(WINDOW_TITLE))
                    .filter(e -> e.lines().anyMatch(l -> l.startsWith("EXDATE") && l.contains(date))
                            || (e.contains("STATUS:CANCELLED")
                                    && e.lines().anyMatch(l -> l.startsWith("RECURRENCE-ID") && l.contains(date))))
                    .findFirst()
                    .orElse("");
            if (!event.isEmpty() || System.currentTimeMillis() > deadline) {
                break;
            }
            page.waitForTimeout(1_000);
        }
        assertFalse(
                event.isEmpty(),
                "the " + REGION + " feed excludes " + date + ": "
                        + feedEvents().stream()
                                .filter(e -> e.contains(WINDOW_TITLE))
                                .toList());
    }

    @Test
    @Order(6)
    void aNorrbottenOperatorCannotOpenAKronobergReport(Page page) {
        assertTrue(reportUrl != null, "step 2 opened the report");
        page.navigate(incident() + "/helpdesk");
        signIn(page, "operator-norrbotten", "operator-norrbotten-demo");
        assertTrue(page.url().startsWith(incident() + "/helpdesk"), "signed in: " + page.url());
        Response answer = page.navigate(reportUrl);
        assertEquals(403, answer.status(), "another region's report");
        assertTrue(answer.text().contains("Du har inte behörighet"), answer.text());
        Pages.screenshot(page, String.format("staff-%02d-%s", ++shot, "norrbotten-403"));
        assertAccessible(page);
    }

    /** The region feed's events, lines unfolded (RFC 5545 folds long lines). */
    private static List<String> feedEvents() {
        String feed = given().baseUri(notifier())
                .get("/feeds/regions/" + REGION + ".ics")
                .then()
                .statusCode(200)
                .extract()
                .asString()
                .replace("\r\n ", "")
                .replace("\r\n\t", "")
                .replace("\r\n", "\n");
        List<String> events = new ArrayList<>();
        for (String part : feed.split("BEGIN:VEVENT")) {
            if (part.contains("END:VEVENT")) {
                events.add(part.substring(0, part.indexOf("END:VEVENT")));
            }
        }
        return events;
    }

    private static List<String> resolvedMails(String subject) {
        List<String> found = new ArrayList<>();
        for (MimeMessage m : RunningSystem.system().infrastructure().mail().received()) {
            try {
                if (m.getAllRecipients() != null
                        && m.getAllRecipients()[0].toString().equals(REPORTER)
                        && subject.equals(m.getSubject())) {
                    found.add(m.getSubject());
                }
            } catch (MessagingException e) {
                // not a mail to look at
            }
        }
        return found;
    }

    /** Numbered screenshot ({@code staff-NN-name}) and axe's check of the page as it is now. */
    private static void shoot(Page page, String name) {
        Pages.screenshot(page, String.format("staff-%02d-%s", ++shot, name));
        assertAccessible(page);
    }

    private static String incident() {
        return RunningSystem.url("incident-service");
    }

    private static String maintenance() {
        return RunningSystem.url("maintenance-service");
    }

    private static String notifier() {
        return RunningSystem.url("notifier-service");
    }
}
