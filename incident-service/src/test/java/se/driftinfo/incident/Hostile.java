package se.driftinfo.incident;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.response.ValidatableResponse;
import java.util.function.Supplier;
import se.driftinfo.incident.outage.Outage;
import se.driftinfo.incident.report.FaultReport;
import se.driftinfo.infra.BadInputs;

/** What every case of the bad-input tables asserts, said once. */
public final class Hostile {

    private Hostile() {}

    /** A 4xx problem detail (RFC 9457) that names {@code field} among its invalid params. */
    public static ValidatableResponse problemNaming(ValidatableResponse response, String field) {
        return refusedAsProblem(response).body("invalid-params.name", hasItem(field));
    }

    /** A 4xx problem detail, whatever it names: never a 5xx, never a page or an empty body. */
    public static ValidatableResponse refusedAsProblem(ValidatableResponse response) {
        return response.statusCode(org.hamcrest.Matchers.both(org.hamcrest.Matchers.greaterThanOrEqualTo(400))
                        .and(lessThan(500)))
                .contentType(startsWith("application/problem+json"));
    }

    /** The service still answers readiness after the table: no case broke it. */
    public static void stillHealthy() {
        given().when().get("/q/health/ready").then().statusCode(200);
    }

    public static long reports() {
        return QuarkusTransaction.requiringNew().call(() -> FaultReport.count());
    }

    public static long outages() {
        return QuarkusTransaction.requiringNew().call(() -> Outage.count());
    }

    /** Runs a case and checks that the count it must not change did not change. */
    public static void storesNothing(Supplier<Long> count, Runnable request) {
        long before = count.get();
        request.run();
        long after = count.get();
        if (before != after) {
            throw new AssertionError("a refused request stored something: " + before + " -> " + after);
        }
    }

    /** An identity number written into an otherwise valid e-mail address (spaces dropped, as an address has none). */
    public static String inEmail(BadInputs.Case c) {
        return c.value().replaceAll("\\s+", "") + "@hc-kiruna.example";
    }

    /** An identity number written as a phone number: only what the phone pattern allows, if that is all it is. */
    public static String inPhone(BadInputs.Case c) {
        String phone = c.value().replaceAll("[^0-9+\\-\\s()]", "").strip();
        return phone.length() >= 5 ? phone : c.value();
    }

    /** An identity number as the unit part of an HSA-id of the demo provider's organisation. */
    public static String inHsaId(BadInputs.Case c) {
        StringBuilder digits = new StringBuilder();
        // Any script's digits, as ASCII: the HSA-id's unit part takes only those.
        c.value().codePoints().filter(Character::isDigit).forEach(d -> digits.append(Character.digit(d, 10)));
        return "SE2321000230-" + digits;
    }
}
