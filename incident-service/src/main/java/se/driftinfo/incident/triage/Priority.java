package se.driftinfo.incident.triage;

/** ITIL priority, derived from impact × urgency; P1 is the most pressing. */
public enum Priority {
    P1,
    P2,
    P3,
    P4;

    /**
     * The ITIL matrix: rows impact, columns urgency (HIGH, MEDIUM, LOW).
     *
     * <pre>
     *            urgency HIGH  MEDIUM  LOW
     * impact HIGH        P1    P2      P3
     *        MEDIUM      P2    P3      P4
     *        LOW         P3    P4      P4
     * </pre>
     */
    public static Priority of(Level impact, Level urgency) {
        int score = rank(impact) + rank(urgency);
        return switch (score) {
            case 0 -> P1;
            case 1 -> P2;
            case 2 -> P3;
            default -> P4;
        };
    }

    private static int rank(Level level) {
        return switch (level) {
            case HIGH -> 0;
            case MEDIUM -> 1;
            case LOW -> 2;
        };
    }
}
