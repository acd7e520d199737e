package se.driftinfo.kit.domain;

/**
 * A rule of the domain said no. Domain code throws one of the kinds below and knows nothing of
 * HTTP; the kit's problem mappers decide how a client sees it. Messages must be safe to show.
 */
public abstract sealed class DomainException extends RuntimeException
        permits NotFoundException,
                ConflictException,
                InvalidFieldException,
                StaleVersionException,
                OutsideRegionException {

    protected DomainException(String message) {
        super(message);
    }
}
