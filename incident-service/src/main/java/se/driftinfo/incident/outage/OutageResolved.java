package se.driftinfo.incident.outage;

import java.time.Instant;
import java.util.UUID;

/**
 * A CDI event: an outage was resolved, in the transaction that resolved it. The reports linked to it
 * observe it and are resolved with it, so the outage never calls up into the report package.
 *
 * @param message the outage's resolution message, which each linked report's reporter is told
 */
public record OutageResolved(UUID id, String reference, String message, String author, Instant at) {}
