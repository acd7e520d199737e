package se.driftinfo.notifier.subscription.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import se.driftinfo.kit.problem.ProblemException;
import se.driftinfo.kit.ratelimit.RateLimits;
import se.driftinfo.kit.web.ClientAddress;
import se.driftinfo.notifier.Limits;
import se.driftinfo.notifier.subscription.SubscriptionRequest;
import se.driftinfo.notifier.subscription.SubscriptionService;

/**
 * The subscription API: a request is accepted (202) and becomes active only once confirmed by mail.
 * Public (no account needed); rate-limited per client and per recipient address instead.
 */
@Path("/api/subscriptions")
@PermitAll
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class SubscriptionResource {

    private final SubscriptionService service;
    private final SubscriptionApiMessages messages;
    private final RateLimits rateLimits;
    private final ClientAddress clientAddress;

    public SubscriptionResource(
            SubscriptionService service,
            SubscriptionApiMessages messages,
            RateLimits rateLimits,
            ClientAddress clientAddress) {
        this.service = service;
        this.messages = messages;
        this.rateLimits = rateLimits;
        this.clientAddress = clientAddress;
    }

    @POST
    public Response subscribe(SubscriptionRequest request) {
        // Before anything else, so that a flood of requests, valid or not, costs little (gap 11).
        rateLimits.check(Limits.SUBSCRIBE, clientAddress.get());
        service.subscribe(ProblemException.requireBody(request));
        // The same answer whether or not the address is known: nothing about other people leaks.
        return Response.accepted(new SubscriptionAccepted("PENDING", messages.accepted()))
                .build();
    }
}
