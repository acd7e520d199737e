package se.driftinfo.kit.web;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import se.driftinfo.kit.ratelimit.RateLimits;

/** An API and a page limited per client, as a service's form and its API would be. */
@PermitAll
@Path("/")
public class LimitedExample {

    private final RateLimits limits;
    private final ClientAddress client;

    public LimitedExample(RateLimits limits, ClientAddress client) {
        this.limits = limits;
        this.client = client;
    }

    @GET
    @Path("api/test/limited")
    @Produces(MediaType.TEXT_PLAIN)
    public String api() {
        limits.check("test-api", client.get());
        return "ok " + client.get();
    }

    @GET
    @Path("test/limited-page")
    @Produces(MediaType.TEXT_HTML)
    public String page() {
        limits.check("test-page", client.get());
        return "<p>ok</p>";
    }
}
