package se.driftinfo.kit.domain;

/** The thing asked for does not exist, e.g. a window id or an occurrence date. */
public final class NotFoundException extends DomainException {

    public NotFoundException(String what) {
        super(what + " does not exist");
    }
}
