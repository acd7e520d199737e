package se.driftinfo.incident.badinput;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
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
import se.driftinfo.infra.BadInputs;
import se.driftinfo.infra.InfraTestResource;

/**
 * The bad-input table of incident-service's JSON API writes (issue #15): fault reports (provider key),
 * triage (merge patch), outages (declare, update, resolve, link), bursts (accept). Each body is a valid
 * one with one field missing, wrong-typed or given refused text ({@link BadInputs#jsonVariants}), or not
 * the JSON object at all ({@link BadInputs#malformedBodies}). Every case: a 4xx problem detail naming the
 * field where there is one, nothing stored or changed, and the service still ready at the end.
 */
@QuarkusTest
@WithTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "incident"))
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ApiBadInputTest {

    static final String REGION = "kronoberg";
    static final String SYSTEM = "felinmatning";
    /** Longer than every text field of these bodies takes (the description's 4,000). */
    static final int MAX = 4000;

    private static String report;
    private static String outage;
    private static UUID suggestion;

    /** One JSON write: where it goes and the smallest valid body (only required fields, so "missing" is wrong). */
    enum Write {
        FAULT_REPORT(
                "POST /api/fault-reports",
                "{\"reporterHsaId\":\"SE2321000230-1234\",\"unitName\":\"Hälsocentralen Kiruna\","
                        + "\"contactName\":\"Anna Berg\",\"contactEmail\":\"reception@hc-kiruna.example\","
                        + "\"region\":\"kronoberg\",\"system\":\"felinmatning\","
                        + "\"description\":\"Felinmatning svarar inte sedan 07:45.\",\"urgency\":\"HIGH\"}"),
        TRIAGE(
                "PATCH /api/fault-reports/{id}",
                "{\"assignee\":\"Anna Berg\",\"comment\":\"Tittar på det.\",\"impact\":\"HIGH\","
                        + "\"timeSpentMinutes\":5}"),
        DECLARE(
                "POST /api/outages",
                "{\"title\":\"Felinmatning nere\",\"region\":\"kronoberg\",\"systems\":[\"felinmatning\"],"
                        + "\"impact\":\"OUTAGE\",\"message\":\"Vi felsöker.\"}"),
        UPDATE("POST /api/outages/{id}/updates", "{\"status\":\"IDENTIFIED\",\"message\":\"Orsaken är hittad.\"}"),
        RESOLVE("POST /api/outages/{id}/resolve", "{\"message\":\"Åtgärdat.\"}"),
        LINK("POST /api/outages/{id}/reports", "{\"reportId\":\"%REPORT%\"}"),
        ACCEPT_BURST(
                "POST /api/bursts/{id}/accept",
                "{\"title\":\"Felinmatning nere\",\"message\":\"Vi felsöker.\",\"impact\":\"OUTAGE\"}");

        final String endpoint;
        final String validJson;

        Write(String endpoint, String validJson) {
            this.endpoint = endpoint;
            this.validJson = validJson;
        }

        @Override
        public String toString() {
            return endpoint;
        }
    }

    static List<Arguments> variants() {
        List<Arguments> cases = new ArrayList<>();
        // The report id is filled in when the case runs: the table is built before the service starts.
        for (Write write : Write.values()) {
            for (BadInputs.Case c : BadInputs.jsonVariants(write.validJson, MAX)) {
                // A merge patch leaves what it does not mention: a missing member is not an error there.
                if (write == Write.TRIAGE && c.name().endsWith(" missing")) {
                    continue;
                }
                cases.add(Arguments.of(write, c));
            }
        }
        return cases;
    }

    static Stream<Arguments> malformed() {
        return Stream.of(Write.values()).flatMap(write -> BadInputs.malformedBodies(write.validJson).stream()
                .map(body -> Arguments.of(write, body)));
    }

    @BeforeEach
    void setUp() {
        Upstream.catalog();
        if (report == null) {
            report = Requests.fileReport(REGION, SYSTEM);
            outage = Requests.declareOutage(REGION, SYSTEM);
            suggestion = BadInputFixtures.openSuggestion(REGION);
        }
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void afterTheTableTheServiceIsStillReady() {
        BadInputFixtures.resolve(outage);
        BadInputFixtures.dismiss(suggestion);
        Hostile.stillHealthy();
    }

    @Test
    @Order(0)
    void theValidBodiesAreValid() {
        // Checked on a copy of each resource the table uses, so that the table's refusals are the variants'.
        String otherReport = Requests.fileReport(REGION, SYSTEM);
        assertEquals(
                201,
                send(Write.FAULT_REPORT, Write.FAULT_REPORT.validJson, otherReport)
                        .statusCode());
        assertEquals(
                200, send(Write.TRIAGE, Write.TRIAGE.validJson, otherReport).statusCode());
        Response declared = send(Write.DECLARE, Write.DECLARE.validJson, otherReport);
        assertEquals(201, declared.statusCode());
        String otherOutage = declared.path("id");
        assertEquals(
                200,
                send(Write.UPDATE, Write.UPDATE.validJson, otherReport, otherOutage)
                        .statusCode());
        assertEquals(
                200,
                send(Write.LINK, Write.LINK.validJson, otherReport, otherOutage).statusCode());
        assertEquals(
                200,
                send(Write.RESOLVE, Write.RESOLVE.validJson, otherReport, otherOutage)
                        .statusCode());
        // The burst's suggestion names a system the catalog lacks, so even a valid answer declares nothing.
        Hostile.problemNaming(
                send(Write.ACCEPT_BURST, Write.ACCEPT_BURST.validJson, otherReport)
                        .then(),
                "systems[0]");
    }

    @ParameterizedTest(name = "[{index}] {0}: {1}")
    @Order(1)
    @MethodSource("variants")
    void aWrongFieldIsAProblemNamingItAndNothingChanges(Write write, BadInputs.Case c) {
        String field = c.name().split("[ :]", 2)[0];
        State before = State.now();
        Response response = send(write, c.value(), report);
        Hostile.problemNaming(response.then(), field);
        assertEquals(before, State.now(), "something was stored or changed");
    }

    @ParameterizedTest(name = "[{index}] {0}: {1}")
    @Order(2)
    @MethodSource("malformed")
    void aBodyThatIsNotTheObjectIsAProblemAndNothingChanges(Write write, BadInputs.Body body) {
        State before = State.now();
        RequestSpecification request = request(write).contentType(body.contentType());
        // REST Assured sends a form body only as text.
        request = body.contentType().contains("form")
                ? request.body(new String(body.bytes(), java.nio.charset.StandardCharsets.UTF_8))
                : request.body(body.bytes());
        Response response = request.request(method(write), path(write, report, outage));
        Hostile.refusedAsProblem(response.then());
        assertEquals(before, State.now(), "something was stored or changed");
    }

    /** What the table must leave as it was: counts, the report's version, the outage's sequence, the burst. */
    record State(long reports, long outages, String reportVersion, int outageSequence, String burst) {
        static State now() {
            return new State(
                    Hostile.reports(),
                    Hostile.outages(),
                    BadInputFixtures.version(report),
                    BadInputFixtures.sequence(outage),
                    BadInputFixtures.suggestionStatus(ApiBadInputTest.suggestion));
        }
    }

    private static Response send(Write write, String json, String reportId) {
        return send(write, json, reportId, outage);
    }

    private static Response send(Write write, String json, String reportId, String outageId) {
        return request(write)
                .contentType(ContentType.JSON)
                .body(json.replace("%REPORT%", reportId))
                .request(method(write), path(write, reportId, outageId));
    }

    private static RequestSpecification request(Write write) {
        return write == Write.FAULT_REPORT ? Requests.provider() : Requests.operator();
    }

    private static String method(Write write) {
        return write.endpoint.split(" ")[0];
    }

    private static String path(Write write, String reportId, String outageId) {
        String path = write.endpoint.split(" ")[1];
        String id =
                switch (write) {
                    case TRIAGE -> reportId;
                    case ACCEPT_BURST -> suggestion.toString();
                    default -> outageId;
                };
        return path.replace("{id}", id);
    }
}
