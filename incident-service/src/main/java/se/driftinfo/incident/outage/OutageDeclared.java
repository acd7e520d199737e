package se.driftinfo.incident.outage;

import java.util.Set;
import java.util.UUID;

/**
 * A CDI event: an outage was declared, in the transaction that declared it. Burst detection observes it
 * to close the suggestions the outage answers.
 */
public record OutageDeclared(UUID id, String region, Set<String> systems) {}
