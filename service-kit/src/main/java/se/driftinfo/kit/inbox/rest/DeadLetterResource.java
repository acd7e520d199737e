package se.driftinfo.kit.inbox.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import se.driftinfo.kit.inbox.DeadLetters;

/**
 * Operators' handle on the service's dead-letter topic (docs/operations.md): how many wait, and replay
 * them once the cause is fixed. Role {@code admin}, bearer token on {@code /api/*}.
 */
@Path("/api/admin/dead-letters")
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
public class DeadLetterResource {

    private final DeadLetters deadLetters;

    public DeadLetterResource(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    /** Dead letters not replayed yet; -1 when Kafka cannot be reached. */
    public record Waiting(long waiting) {}

    @GET
    public Waiting waiting() {
        return new Waiting(deadLetters.waiting());
    }

    /**
     * Replays every dead letter not replayed yet through the consumer that failed on it.
     *
     * @param skipFailed pass a record that fails again instead of stopping its partition there
     */
    @POST
    @Path("/replay")
    public DeadLetters.Replay replay(@QueryParam("skip-failed") boolean skipFailed) {
        return deadLetters.replay(skipFailed);
    }
}
