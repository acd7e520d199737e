package se.driftinfo.kit.web;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** An endpoint someone forgot to annotate: the kit's defaults must refuse it. */
@Path("/test/unannotated")
public class UnannotatedExample {

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public String forgotten() {
        return "public by accident";
    }
}
