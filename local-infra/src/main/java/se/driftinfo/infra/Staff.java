package se.driftinfo.infra;

import static io.restassured.RestAssured.given;

import io.restassured.specification.RequestSpecification;

/** A signed-in member of staff in a test: the demo accounts of the local OIDC provider. */
public final class Staff {

    private Staff() {}

    /** A request made by a demo account ({@code planner}, {@code operator}, …). */
    public static RequestSpecification as(String user) {
        return given().header("Authorization", authorization(user));
    }

    /**
     * The Authorization header for a demo account: a bearer token from the OIDC provider this JVM
     * started, as an API client gets one (pages accept it too, besides the browser's sign-in).
     */
    public static String authorization(String user) {
        return "Bearer " + IdentityServer.current().token(user);
    }

    /**
     * A browser signed in as {@code user} through the provider's login page (the code flow), carrying
     * only its session cookies: no Authorization header and no CSRF cookie. It does not follow redirects.
     *
     * @param staffPage a page of the service under test that needs signing in, e.g. {@code /helpdesk}
     */
    public static RequestSpecification browser(String user, String staffPage) {
        String url = io.restassured.RestAssured.baseURI + ":" + io.restassured.RestAssured.port + staffPage;
        RequestSpecification request = given().redirects().follow(false);
        IdentityServer.current().signInAsBrowser(url, user).forEach(c -> request.cookie(c.getName(), c.getValue()));
        return request;
    }
}
