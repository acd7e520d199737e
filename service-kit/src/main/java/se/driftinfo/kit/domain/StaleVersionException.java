package se.driftinfo.kit.domain;

/**
 * The caller changed a version it read earlier, and someone has changed it since (optimistic
 * concurrency with ETag and If-Match): it must reload and try again.
 */
public final class StaleVersionException extends DomainException {

    public StaleVersionException(String detail) {
        super(detail);
    }
}
