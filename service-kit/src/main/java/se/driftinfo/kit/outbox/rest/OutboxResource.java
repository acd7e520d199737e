package se.driftinfo.kit.outbox.rest;

import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import se.driftinfo.kit.outbox.OutboxAdmin;

/**
 * Operators' handle on events the outbox relay parked (docs/operations.md). Role {@code admin},
 * bearer token on {@code /api/*}; only in services that publish.
 */
@Path("/api/admin/outbox")
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
@IfBuildProperty(name = "driftinfo.outbox.enabled", stringValue = "true", enableIfMissing = true)
public class OutboxResource {

    private final OutboxAdmin outbox;

    public OutboxResource(OutboxAdmin outbox) {
        this.outbox = outbox;
    }

    /** How many events were put back in line. */
    public record Requeued(int requeued) {}

    @GET
    @Path("/parked")
    public List<OutboxAdmin.Parked> parked() {
        return outbox.parked();
    }

    /**
     * Puts parked events back in line, after fixing what made Kafka refuse them.
     *
     * @param position one event's outbox position; all parked events without it
     */
    @POST
    @Path("/requeue")
    public Requeued requeue(@QueryParam("position") Long position) {
        return new Requeued(outbox.requeue(position));
    }
}
