package se.driftinfo.kit.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import se.driftinfo.contracts.EventTypes;
import se.driftinfo.contracts.catalog.RegionV1;
import se.driftinfo.contracts.incident.OutageEventV1;

/** A consumer's handler gets the payloads it asked for, decoded, and nothing else. */
class EventHandlerTest {

    static final String REGION =
            "{\"code\":\"norrbotten\",\"name\":\"Region Norrbotten\",\"timeZone\":\"Europe/Stockholm\"}";

    final List<String> handled = new ArrayList<>();
    final EventHandler regions = EventHandler.on(
            RegionV1.class, (event, region) -> handled.add(event.type() + " " + region.code() + " " + region.name()));

    @Test
    void aHandledTypeReachesItsHandlerDecoded() {
        assertTrue(regions.handle(event(EventTypes.REGION_PUBLISHED, REGION)));
        assertEquals(List.of(EventTypes.REGION_PUBLISHED + " norrbotten Region Norrbotten"), handled);
    }

    @Test
    void aKnownTypeTheConsumerDoesNotHandleIsSkipped() {
        assertFalse(regions.handle(event(EventTypes.OUTAGE_DECLARED, "{}")));
        assertEquals(List.of(), handled);
    }

    /** A newer version than this build knows must reach the dead-letter topic, not be skipped and forgotten. */
    @Test
    void anUnknownTypeIsRefusedSoItIsDeadLetteredNotForgotten() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> regions.handle(event("se.driftinfo.catalog.region.v2", "{}")));
        assertTrue(e.getMessage().contains("se.driftinfo.catalog.region.v2"), e.getMessage());
        assertEquals(List.of(), handled);
    }

    @Test
    void orAddsAHandlerAndLeavesTheOriginalAsItWas() {
        EventHandler both = regions.or(OutageEventV1.class, (event, outage) -> handled.add("outage " + event.type()));
        assertTrue(both.handle(event(EventTypes.OUTAGE_DECLARED, "{}")));
        assertTrue(both.handle(event(EventTypes.REGION_PUBLISHED, REGION)));
        assertFalse(regions.handle(event(EventTypes.OUTAGE_DECLARED, "{}")));
        assertEquals(
                List.of(
                        "outage " + EventTypes.OUTAGE_DECLARED,
                        EventTypes.REGION_PUBLISHED + " norrbotten Region Norrbotten"),
                handled);
    }

    static IncomingEvent event(String type, String json) {
        return new IncomingEvent(UUID.randomUUID(), type, "/test", "norrbotten", "norrbotten", json);
    }
}
