package se.driftinfo.incident.report;

/**
 * A fault report as typed in, from the REST API or the web form alike: every value still a string,
 * so that one validation names every wrong field, whatever channel it came through.
 */
public record ReportInput(
        String reporterHsaId,
        String unitName,
        String contactName,
        String contactEmail,
        String contactPhone,
        String region,
        String system,
        String description,
        String urgency,
        String observedAt,
        String language) {}
