package se.driftinfo.kit.web;

import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.WithFormRead;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;
import se.driftinfo.kit.problem.Problem;
import se.driftinfo.kit.problem.ProblemPage;

/**
 * Refuses a state-changing request that another site could make a browser send (a form post: URL-encoded,
 * multipart, text/plain or no body at all) unless its {@code csrf} field repeats the browser's
 * {@code csrf} cookie (see {@link CsrfToken}). Requests a browser cannot send cross-site without a CORS
 * preflight (JSON bodies, an Authorization or X-Api-Key header) are programs, not forms, and pass.
 */
public class CsrfFilter {

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    @ServerRequestFilter
    @WithFormRead
    public Response check(ResteasyReactiveContainerRequestContext request, ResourceInfo resource) {
        if (SAFE.contains(request.getMethod())
                || !crossSiteSendable(request)
                || resource.getResourceMethod().isAnnotationPresent(NoCsrfToken.class)) {
            return null;
        }
        jakarta.ws.rs.core.Cookie cookie = request.getCookies().get(CsrfToken.NAME);
        // @WithFormRead has parsed the form before this filter, so reading the field does not consume the body.
        Object field = ((ResteasyReactiveRequestContext) request.getServerRequestContext())
                .getFormParameter(CsrfToken.NAME, true, false);
        if (field == null) {
            field = request.getHeaderString("X-CSRF-Token"); // a page's script may send it as a header
        }
        if (cookie != null
                && field instanceof String sent
                && CsrfToken.Tokens.wellFormed(sent)
                && MessageDigest.isEqual(
                        sent.getBytes(StandardCharsets.US_ASCII),
                        cookie.getValue().getBytes(StandardCharsets.US_ASCII))) {
            return null;
        }
        return refusal(request.getHeaderString(HttpHeaders.ACCEPT));
    }

    /** What a page on another site can make a browser send without asking (a CORS "simple" request). */
    private static boolean crossSiteSendable(ResteasyReactiveContainerRequestContext request) {
        if (request.getHeaderString(HttpHeaders.AUTHORIZATION) != null
                || request.getHeaderString("X-Api-Key") != null) {
            return false;
        }
        MediaType type = request.getMediaType();
        return type == null
                || type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                || type.isCompatible(MediaType.MULTIPART_FORM_DATA_TYPE)
                || type.isCompatible(MediaType.TEXT_PLAIN_TYPE);
    }

    /** A person gets a page that says what to do; a program gets a problem detail. */
    private static Response refusal(String accept) {
        String detail =
                "The form's csrf field is missing or does not match the csrf cookie; reload the page and send it again.";
        if (accept != null && accept.contains(MediaType.TEXT_HTML)) {
            return ProblemPage.page(
                    403,
                    "Formuläret har gått ut",
                    "Av säkerhetsskäl skickades det inte. Gå tillbaka, ladda om sidan och skicka igen.",
                    "The form had expired and was not sent. Go back, reload the page and send it again.");
        }
        return Response.status(Response.Status.FORBIDDEN)
                .type(Problem.MEDIA_TYPE)
                .entity(new Problem(
                        "https://driftinfo.se/problems/csrf", "Form token missing or wrong", 403, detail, null, null))
                .build();
    }
}
