package se.driftinfo.incident.badinput;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
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
 * Gap 9 (issue #15): no free-text field that incident-service stores or publishes takes a personnummer
 * or samordningsnummer, however it is written. A table over every such field of the JSON API ×
 * {@link BadInputs#identityNumbers()}: each is 400 naming the field, and nothing is stored or changed.
 * contactEmail, contactPhone and assignee took them before the fix (the numbers are put into otherwise
 * valid addresses, phone numbers and names, so only the guard refuses them).
 */
@QuarkusTest
@WithTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "incident"))
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IdentityNumberGuardTest {

    static final String REGION = "kronoberg";
    static final String SYSTEM = "felinmatning";

    private static String report;
    private static String outage;
    private static UUID suggestion;

    /** One free-text field of one endpoint, and how an identity number is written into it. */
    enum Field {
        REPORT_UNIT_NAME("POST /api/fault-reports", "unitName", BadInputs.Case::value),
        REPORT_CONTACT_NAME("POST /api/fault-reports", "contactName", BadInputs.Case::value),
        REPORT_CONTACT_EMAIL("POST /api/fault-reports", "contactEmail", Hostile::inEmail),
        REPORT_CONTACT_PHONE("POST /api/fault-reports", "contactPhone", Hostile::inPhone),
        REPORT_DESCRIPTION("POST /api/fault-reports", "description", c -> "Cosmic låser sig: " + c.value()),
        REPORT_HSA_ID_UNIT("POST /api/fault-reports", "reporterHsaId", Hostile::inHsaId),
        TRIAGE_ASSIGNEE("PATCH /api/fault-reports/{id}", "assignee", BadInputs.Case::value),
        TRIAGE_COMMENT("PATCH /api/fault-reports/{id}", "comment", BadInputs.Case::value),
        OUTAGE_TITLE("POST /api/outages", "title", c -> "Cosmic " + c.value()),
        OUTAGE_MESSAGE("POST /api/outages", "message", BadInputs.Case::value),
        UPDATE_MESSAGE("POST /api/outages/{id}/updates", "message", BadInputs.Case::value),
        RESOLUTION_MESSAGE("POST /api/outages/{id}/resolve", "message", BadInputs.Case::value),
        BURST_TITLE("POST /api/bursts/{id}/accept", "title", c -> "Tidbok " + c.value()),
        BURST_MESSAGE("POST /api/bursts/{id}/accept", "message", BadInputs.Case::value);

        final String endpoint;
        final String name;
        final Function<BadInputs.Case, String> written;

        Field(String endpoint, String name, Function<BadInputs.Case, String> written) {
            this.endpoint = endpoint;
            this.name = name;
            this.written = written;
        }

        @Override
        public String toString() {
            return endpoint + " " + name;
        }
    }

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (Field field : Field.values()) {
            for (BadInputs.Case c : BadInputs.identityNumbers()) {
                cases.add(Arguments.of(field, c));
            }
        }
        return cases.stream();
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

    @ParameterizedTest(name = "[{index}] gap 9: {0} × {1}")
    @Order(1)
    @MethodSource("cases")
    void anIdentityNumberInAnyFreeTextFieldIsRefusedByNameAndNothingIsStored(Field field, BadInputs.Case c) {
        String value = field.written.apply(c);
        String reportVersion = version(report);
        int outageSequence = sequence(outage);
        long reports = Hostile.reports();
        long outages = Hostile.outages();

        var response =
                switch (field) {
                    case REPORT_UNIT_NAME,
                            REPORT_CONTACT_NAME,
                            REPORT_CONTACT_EMAIL,
                            REPORT_CONTACT_PHONE,
                            REPORT_DESCRIPTION,
                            REPORT_HSA_ID_UNIT -> {
                        Map<String, Object> body = Requests.report(REGION, SYSTEM);
                        body.put(field.name, value);
                        yield Requests.provider()
                                .contentType(ContentType.JSON)
                                .body(body)
                                .post("/api/fault-reports");
                    }
                    case TRIAGE_ASSIGNEE, TRIAGE_COMMENT ->
                        Requests.operator()
                                .contentType(ContentType.JSON)
                                .body(Map.of(field.name, value))
                                .patch("/api/fault-reports/" + report);
                    case OUTAGE_TITLE, OUTAGE_MESSAGE -> {
                        Map<String, Object> body = Requests.outage(REGION, SYSTEM);
                        body.put(field.name, value);
                        yield Requests.operator()
                                .contentType(ContentType.JSON)
                                .body(body)
                                .post("/api/outages");
                    }
                    case UPDATE_MESSAGE ->
                        Requests.operator()
                                .contentType(ContentType.JSON)
                                .body(Map.of("status", "IDENTIFIED", "message", value))
                                .post("/api/outages/" + outage + "/updates");
                    case RESOLUTION_MESSAGE ->
                        Requests.operator()
                                .contentType(ContentType.JSON)
                                .body(Map.of("message", value))
                                .post("/api/outages/" + outage + "/resolve");
                    case BURST_TITLE, BURST_MESSAGE -> {
                        Map<String, Object> body = new HashMap<>(
                                Map.of("title", "Tidbok nere", "message", "Vi felsöker.", "impact", "OUTAGE"));
                        body.put(field.name, value);
                        yield Requests.operator()
                                .contentType(ContentType.JSON)
                                .body(body)
                                .post("/api/bursts/" + suggestion + "/accept");
                    }
                };

        Hostile.problemNaming(response.then().statusCode(400), field.name)
                // The refusal never repeats the number.
                .body(not(org.hamcrest.Matchers.containsString(c.value())));
        assertEquals(reports, Hostile.reports(), "fault reports stored");
        assertEquals(outages, Hostile.outages(), "outages stored");
        assertEquals(reportVersion, version(report), "the report changed");
        assertEquals(outageSequence, sequence(outage), "the outage changed");
        assertEquals("OPEN", BadInputFixtures.suggestionStatus(suggestion), "the burst suggestion was answered");
    }

    private static String version(String report) {
        return Requests.operator()
                .get("/api/fault-reports/" + report)
                .then()
                .statusCode(200)
                .extract()
                .header("ETag");
    }

    private static int sequence(String outage) {
        return Requests.operator()
                .get("/api/helpdesk/outages/" + outage)
                .then()
                .statusCode(200)
                .body("status", not(equalTo("RESOLVED")))
                .extract()
                .path("sequence");
    }
}
