package se.driftinfo.system;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import se.driftinfo.infra.Driftinfo;
import se.driftinfo.infra.Forms;
import se.driftinfo.infra.ServiceProcess;
import se.driftinfo.infra.Staff;

/**
 * The packaged services, each in its own JVM with the local profile, on real Kafka, PostgreSQL and
 * SMTP: exactly what {@code ./run-local} starts. Tests here check what crosses service boundaries.
 * The system is shared with the other system tests ({@link RunningSystem}).
 */
@ExtendWith(RunningSystem.class)
class SystemIT {

    static Driftinfo system;
    static String maintenance;
    static String incident;
    static String notifier;

    @BeforeAll
    static void start() {
        system = RunningSystem.system();
        maintenance = RunningSystem.url("maintenance-service");
        incident = RunningSystem.url("incident-service");
        notifier = RunningSystem.url("notifier-service");
    }

    @Test
    void everyServiceIsReadyWithItsDatabaseAndReportsKafkaApart() {
        for (ServiceProcess p : system.services()) {
            // Readiness is the database only: a broker outage must not take the form and feeds down.
            given().baseUri(p.url())
                    .get("/q/health/ready")
                    .then()
                    .statusCode(200)
                    .body("status", equalTo("UP"))
                    .body("checks.name", hasItem("Database connections health check"))
                    .body("checks.name", org.hamcrest.Matchers.not(hasItem("Kafka (not part of readiness)")));
            given().baseUri(p.url())
                    .get("/q/health/group/kafka")
                    .then()
                    .statusCode(200)
                    .body("checks.name", hasItem("Kafka (not part of readiness)"));
            given().baseUri(p.url()).get("/q/metrics").then().statusCode(200);
            given().baseUri(p.url()).get("/q/openapi").then().statusCode(200);
        }
    }

    @Test
    void demoDataHasTheFiveRegionsAndNorrbottensFuStopp() {
        given().baseUri(maintenance).get("/api/regions").then().statusCode(200).body("$", hasSize(5));
        given().baseUri(maintenance)
                .queryParam("region", "norrbotten")
                .get("/api/occurrences")
                .then()
                .statusCode(200)
                .body("title", hasItem("FU-stopp"))
                .body("find { it.title == 'FU-stopp' }.start", org.hamcrest.Matchers.endsWith("T17:00:00"));
    }

    @Test
    void aWindowPlannedInMaintenanceServiceReachesTheNotifiersCalendarFeed() {
        planWindow("Byte av lagring PACS", "kronoberg", "sectra-pacs-vna", "2027-02-10T18:00", "2027-02-10T21:00");
        await("the window in the Kronoberg feed", Duration.ofSeconds(60), () -> {
            String feed = given().baseUri(notifier)
                    .get("/feeds/regions/kronoberg.ics")
                    .then()
                    .extract()
                    .asString();
            return feed.contains("Byte av lagring PACS");
        });
    }

    @Test
    void aFaultReportDuringAPlannedWindowIsToldSoAndTheReporterGetsAnAcknowledgement() throws Exception {
        // A one-off window running now in Värmland's RGS webb, planned in maintenance-service …
        java.time.LocalDateTime now = java.time.LocalDateTime.now(java.time.ZoneId.of("Europe/Stockholm"))
                .withSecond(0)
                .withNano(0);
        String windowId = planWindow(
                "Uppgradering RGS webb",
                "varmland",
                "rgs-webb",
                now.minusMinutes(30).toString(),
                now.plusHours(2).toString());
        // … reaches incident-service, so a clinic reporting a fault is told to use its reserve routine …
        Map<String, Object> report = new HashMap<>();
        report.put("reporterHsaId", "SE2321000230-0042");
        report.put("unitName", "Vårdcentralen Kil");
        report.put("contactName", "Eva Lind");
        report.put("contactEmail", "eva.lind@vc-kil.example");
        report.put("region", "varmland");
        report.put("system", "rgs-webb");
        report.put("description", "RGS webb går inte att logga in i.");
        report.put("urgency", "HIGH");
        // Until the catalog and the window have reached incident-service, it answers "unknown region"
        // (400) or "not covered": both mean "not yet".
        String[] last = new String[1];
        try {
            await("the window to cover the fault report", Duration.ofSeconds(60), () -> {
                var answer = given().baseUri(incident)
                        .header("X-Api-Key", "demo-provider-key")
                        .contentType(ContentType.JSON)
                        .body(report)
                        .post("/api/fault-reports")
                        .then()
                        .extract();
                last[0] = answer.statusCode() + " " + answer.asString();
                return answer.statusCode() == 201 && windowId.equals(answer.path("coveredBy.id"));
            });
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; last answer: " + last[0], e);
        }
        // … and notifier-service acknowledges the report by mail.
        await(
                "the acknowledgement mail",
                Duration.ofSeconds(60),
                () -> system.infrastructure().mail().received().stream().anyMatch(m -> {
                    try {
                        return m.getAllRecipients()[0].toString().equals("eva.lind@vc-kil.example");
                    } catch (jakarta.mail.MessagingException e) {
                        return false;
                    }
                }));
    }

    @Test
    void aReminderDueWhileTheNotifierIsDownIsSentOnceAfterItRestarts() throws Exception {
        String email = "it-avdelningen@vc-lulea.example";
        // 400 "unknown region" until the catalog has reached the notifier.
        await(
                "the subscription to be accepted",
                Duration.ofSeconds(60),
                () -> given().baseUri(notifier)
                                .contentType(ContentType.JSON)
                                .body(Map.of(
                                        "email",
                                        email,
                                        "regions",
                                        List.of("norrbotten"),
                                        "systems",
                                        List.of(),
                                        "language",
                                        "en"))
                                .post("/api/subscriptions")
                                .statusCode()
                        == 202);
        String confirmation = awaitMail(email, "confirm");
        java.util.regex.Matcher link = java.util.regex.Pattern.compile("/subscriptions/confirm/([A-Za-z0-9_-]+)")
                .matcher(confirmation);
        assertTrue(link.find(), "no confirm link in " + confirmation);
        // As the confirm page's form posts it: with the CSRF cookie and field (service-kit's CsrfFilter).
        Forms.form()
                .baseUri(notifier)
                .post("/subscriptions/confirm/" + link.group(1))
                .then()
                .statusCode(200);

        // Starts in 2 minutes: the 1-minute reminder of this run (RunningSystem) falls due 1 minute from
        // now, late enough after the announcement to be worth sending; the 1-hour and 1-day ones, due
        // before the announcement, are not sent at all.
        java.time.LocalDateTime start = java.time.LocalDateTime.now(java.time.ZoneId.of("Europe/Stockholm"))
                .plusMinutes(2)
                .withNano(0);
        planWindow(
                "Cosmic databasbyte",
                "norrbotten",
                "cosmic",
                start.toString(),
                start.plusHours(2).toString());
        awaitMail(email, "Planned maintenance: Cosmic databasbyte");

        // Down until the reminder is due: nothing in memory may be needed to send it afterwards.
        Instant due = start.atZone(java.time.ZoneId.of("Europe/Stockholm"))
                .minusMinutes(1)
                .toInstant();
        system.restart("notifier-service", () -> {
            try {
                Thread.sleep(Math.max(0, Duration.between(Instant.now(), due).toMillis()) + 2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        notifier = system.service("notifier-service").url();
        awaitMail(email, "Reminder: Cosmic databasbyte");
        Thread.sleep(3000);
        long reminders = system.infrastructure().mail().received().stream()
                .filter(m -> subject(m).startsWith("Reminder: Cosmic databasbyte"))
                .count();
        org.junit.jupiter.api.Assertions.assertEquals(1, reminders, "reminders sent");
    }

    /** Waits for a mail to {@code to} whose subject contains {@code subjectPart}; returns its raw text. */
    private static String awaitMail(String to, String subjectPart) {
        String[] found = new String[1];
        await("mail to " + to + " about '" + subjectPart + "'", Duration.ofSeconds(150), () -> {
            for (jakarta.mail.internet.MimeMessage m :
                    system.infrastructure().mail().received()) {
                try {
                    if (m.getAllRecipients()[0].toString().equals(to)
                            && subject(m).toLowerCase().contains(subjectPart.toLowerCase())) {
                        // Undo quoted-printable soft line breaks so links read whole.
                        found[0] = com.icegreen.greenmail.util.GreenMailUtil.getWholeMessage(m)
                                .replace("=\r\n", "");
                        return true;
                    }
                } catch (jakarta.mail.MessagingException e) {
                    return false;
                }
            }
            return false;
        });
        return found[0];
    }

    private static String subject(jakarta.mail.internet.MimeMessage m) {
        try {
            return String.valueOf(m.getSubject());
        } catch (jakarta.mail.MessagingException e) {
            return "";
        }
    }

    /** Plans a one-off window in Europe/Stockholm through maintenance-service; returns its id. */
    private static String planWindow(String title, String region, String system, Object start, Object end) {
        Map<String, Object> window = new HashMap<>();
        window.put("title", title);
        window.put("region", region);
        window.put("systems", List.of(system));
        window.put("timeZone", "Europe/Stockholm");
        window.put("start", start.toString());
        window.put("end", end.toString());
        // The planner demo account's bearer token from the system's OIDC provider (Keycloak).
        return Staff.as("planner")
                .baseUri(maintenance)
                .contentType(ContentType.JSON)
                .body(window)
                .post("/api/maintenance-windows")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private static void await(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return;
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        assertTrue(false, "Timed out waiting for " + what);
    }
}
