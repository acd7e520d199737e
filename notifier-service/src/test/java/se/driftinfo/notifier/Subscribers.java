package se.driftinfo.notifier;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import se.driftinfo.infra.Forms;

/** Regions of a test's own and subscribers in them, through the API and the links in the mail. */
public final class Subscribers {

    public static final String PUBLIC_URL = "http://localhost:8083";

    /** The links of a subscriber's confirmation mail, and its private feed once confirmed. */
    public record Links(String confirmPath, String manage, String feed) {}

    private Subscribers() {}

    /** A region of this test's own on the catalog topic, so that tests do not see each other's mail. */
    public static String newRegion() {
        String code = "r-" + UUID.randomUUID().toString().substring(0, 8);
        Events.region(code, "cosmic", "takecare");
        Eventually.until(
                Duration.ofSeconds(20),
                "region " + code + " in the catalog replica",
                () -> given().get("/feeds/regions/" + code + ".ics").statusCode(),
                s -> s == 200);
        return code;
    }

    public static io.restassured.response.Response post(Map<String, Object> body) {
        return given().contentType("application/json").body(body).when().post("/api/subscriptions");
    }

    /** Subscribes and reads the links from the confirmation mail (the address's {@code nth} mail). */
    public static Links subscribe(String email, String region, List<String> systems, String language, int nth) {
        post(Map.of("email", email, "regions", List.of(region), "systems", systems, "language", language))
                .then()
                .statusCode(202)
                .body("status", equalTo("PENDING"));
        MimeMessage confirmation = Mailbox.await(email, nth).get(nth - 1);
        assertEquals("List-Unsubscribe=One-Click", Mails.header(confirmation, "List-Unsubscribe-Post"));
        String text = Mails.text(Mails.part(confirmation, "text/plain").orElseThrow());
        Matcher confirm = Pattern.compile(Pattern.quote(PUBLIC_URL) + "(/subscriptions/confirm/[A-Za-z0-9_-]+)")
                .matcher(text);
        assertTrue(confirm.find(), text);
        Matcher manage = Pattern.compile(Pattern.quote(PUBLIC_URL) + "/subscriptions/renew-feed/([A-Za-z0-9_-]{43})")
                .matcher(text);
        assertTrue(manage.find(), "the confirmation mail has the manage link: " + text);
        return new Links(confirm.group(1), manage.group(1), null);
    }

    /** Confirms through the page (GET shows the button, POST acts) and reads the private feed's token. */
    public static Links confirm(Links links) {
        given().when().get(links.confirmPath()).then().statusCode(200).body(containsString("<form method=\"post\""));
        String page = Forms.form()
                .when()
                .post(links.confirmPath())
                .then()
                .statusCode(200)
                .extract()
                .asString();
        Matcher feed = Pattern.compile("/feeds/s/([A-Za-z0-9_-]{43})\\.ics").matcher(page);
        assertTrue(feed.find(), page);
        return new Links(links.confirmPath(), links.manage(), feed.group(1));
    }

    public static Links subscribeAndConfirm(String email, String region, List<String> systems, String language) {
        return confirm(subscribe(email, region, systems, language, 1));
    }
}
