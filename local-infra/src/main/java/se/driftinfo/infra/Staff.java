package se.driftinfo.infra;

import static io.restassured.RestAssured.given;

import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** A signed-in member of staff in a test: the demo accounts, as pages and APIs expect them. */
public final class Staff {

    private Staff() {}

    /** A request made by a demo account ({@code planner}, {@code operator}, …). */
    public static RequestSpecification as(String user) {
        return given().header("Authorization", authorization(user));
    }

    /** The Authorization header value for a demo account. */
    public static String authorization(String user) {
        String pair = user + ":" + user + "-demo";
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }
}
