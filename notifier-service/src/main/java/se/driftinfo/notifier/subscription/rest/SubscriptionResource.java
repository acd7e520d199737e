package se.driftinfo.notifier.subscription.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import se.driftinfo.notifier.subscription.SubscriptionRequest;
import se.driftinfo.notifier.subscription.SubscriptionService;

/** The subscription API: a request is accepted (202) and becomes active only once confirmed by mail. */
@Path("/api/subscriptions")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class SubscriptionResource {

    private final SubscriptionService service;
    private final SubscriptionApiMessages messages;

    public SubscriptionResource(SubscriptionService service, SubscriptionApiMessages messages) {
        this.service = service;
        this.messages = messages;
    }

    @POST
    public Response subscribe(@Valid @NotNull SubscriptionRequest request) {
        service.subscribe(request);
        // The same answer whether or not the address is known: nothing about other people leaks.
        return Response.accepted(new SubscriptionAccepted("PENDING", messages.accepted()))
                .build();
    }
}
