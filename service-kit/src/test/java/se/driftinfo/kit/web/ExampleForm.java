package se.driftinfo.kit.web;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestForm;

/** A page with a form, as a service has one: the GET renders the token, the POST changes state. */
@PermitAll
@Path("/test/form")
public class ExampleForm {

    private final CsrfToken csrf;

    public ExampleForm(CsrfToken csrf) {
        this.csrf = csrf;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public String page() {
        return "<form method=\"post\"><input type=\"hidden\" name=\"csrf\" value=\"" + csrf.getToken()
                + "\"><input name=\"title\"></form>";
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_PLAIN)
    public String submit(@RestForm String title) {
        return "saved " + title;
    }

    /** A button's post with no fields of its own, accepting any body (like a confirmation link's page). */
    @POST
    @Path("/button")
    @Produces(MediaType.TEXT_PLAIN)
    public String button() {
        return "pressed";
    }

    @POST
    @Path("/one-click/{secret}")
    @NoCsrfToken
    @Produces(MediaType.TEXT_PLAIN)
    public String oneClick(String secret) {
        return "unsubscribed";
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.TEXT_PLAIN)
    public String api(String body) {
        return "api " + body;
    }
}
