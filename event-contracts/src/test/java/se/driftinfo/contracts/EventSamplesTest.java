package se.driftinfo.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import se.driftinfo.contracts.incident.FaultReportEventV1;
import se.driftinfo.contracts.maintenance.WindowEventV1;

/** The published samples are the contract: each must decode and re-encode without losing a field. */
class EventSamplesTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                EventTypes.REGION_PUBLISHED,
                EventTypes.OCCURRENCE_MOVED,
                EventTypes.OUTAGE_DECLARED,
                EventTypes.OUTAGE_RESOLVED,
                EventTypes.FAULT_REPORT_RECEIVED,
                EventTypes.FAULT_REPORT_TRIAGED,
                EventTypes.FAULT_REPORT_STATUS_CHANGED
            })
    void sampleRoundTripsThroughItsRecord(String type) throws IOException {
        String json = sample(type);
        Object decoded = EventJson.readData(type, json);
        ObjectMapper plain = new ObjectMapper();
        JsonNode original = plain.readTree(json);
        JsonNode reencoded = plain.readTree(EventJson.write(decoded));
        assertEquals(original, reencoded, "sample " + type + " loses or changes fields through its record");
    }

    @Test
    void localTimesStayLocal() throws IOException {
        WindowEventV1 event =
                (WindowEventV1) EventJson.readData(EventTypes.OCCURRENCE_MOVED, sample(EventTypes.OCCURRENCE_MOVED));
        assertEquals(LocalDateTime.of(2027, 1, 20, 17, 0), event.window().start());
        assertEquals("Europe/Stockholm", event.window().timeZone());
    }

    @Test
    void aResolvingFaultReportEventCarriesTheHelpdesksResolution() throws IOException {
        FaultReportEventV1 event = (FaultReportEventV1) EventJson.readData(
                EventTypes.FAULT_REPORT_STATUS_CHANGED, sample(EventTypes.FAULT_REPORT_STATUS_CHANGED));
        assertEquals("RESOLVED", event.report().status());
        assertEquals("Cosmic fungerar igen. Avsluta reservrutinen.", event.resolution());
    }

    @Test
    void aFaultReportEventFromBeforeTheResolutionFieldStillReads() throws IOException {
        ObjectNode older = (ObjectNode) new ObjectMapper().readTree(sample(EventTypes.FAULT_REPORT_STATUS_CHANGED));
        older.remove("resolution");
        FaultReportEventV1 event =
                (FaultReportEventV1) EventJson.readData(EventTypes.FAULT_REPORT_STATUS_CHANGED, older.toString());
        assertEquals("FR-2027-000123", event.report().reference());
        assertNull(event.resolution());
        assertNull(new FaultReportEventV1(event.report(), event.coveredBy()).resolution());
    }

    @Test
    void unknownTypeIsRefusedByName() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> EventJson.readData("se.driftinfo.nope.v1", "{}"));
        assertEquals("Unknown event type se.driftinfo.nope.v1", e.getMessage());
    }

    private static String sample(String type) throws IOException {
        try (InputStream in = EventSamplesTest.class.getResourceAsStream("/samples/" + type + ".json")) {
            assertNotNull(in, "no sample for " + type);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
