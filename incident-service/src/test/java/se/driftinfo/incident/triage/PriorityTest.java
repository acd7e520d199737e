package se.driftinfo.incident.triage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PriorityTest {

    @ParameterizedTest(name = "impact {0} × urgency {1} = {2}")
    @CsvSource({
        "HIGH, HIGH, P1", "HIGH, MEDIUM, P2", "HIGH, LOW, P3",
        "MEDIUM, HIGH, P2", "MEDIUM, MEDIUM, P3", "MEDIUM, LOW, P4",
        "LOW, HIGH, P3", "LOW, MEDIUM, P4", "LOW, LOW, P4"
    })
    void priorityFollowsTheItilMatrix(Level impact, Level urgency, Priority expected) {
        assertEquals(expected, Priority.of(impact, urgency));
    }
}
