package se.driftinfo.kit.domain;

/** The request is valid, but the current state forbids it, e.g. changing a cancelled series. */
public final class ConflictException extends DomainException {

    public ConflictException(String detail) {
        super(detail);
    }
}
