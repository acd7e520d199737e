package se.driftinfo.incident;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import se.driftinfo.kit.problem.Problem;

/** Two operators changed the same report or outage at once: the later one must reload, not see a 500. */
public class ConcurrencyProblems {

    @ServerExceptionMapper
    public Response concurrentChange(OptimisticLockException e, UriInfo uri) {
        return Response.status(409).type(Problem.MEDIA_TYPE)
                .entity(new Problem("https://driftinfo.se/problems/concurrent-change", "Changed by someone else", 409,
                        "Someone else changed this at the same time; reload it and try again",
                        "/" + uri.getPath().replaceFirst("^/", ""), null))
                .build();
    }
}
