package se.driftinfo.kit.domain;

/**
 * The signed-in member of staff works for other regions than the one this report, outage or window
 * belongs to. Each region runs its own helpdesk and plans its own windows.
 */
public final class OutsideRegionException extends DomainException {

    public OutsideRegionException(String region) {
        super("Your account may not see or change region " + region);
    }
}
