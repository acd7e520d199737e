package se.driftinfo.notifier.feed;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.DecoderConfig;
import io.restassured.config.HeaderConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import se.driftinfo.contracts.EventTypes;
import se.driftinfo.contracts.maintenance.WindowEventV1.WindowV1;
import se.driftinfo.infra.InfraTestResource;
import se.driftinfo.infra.SecurityHeaders;
import se.driftinfo.notifier.Events;
import se.driftinfo.notifier.Eventually;
import se.driftinfo.notifier.Subscribers;
import se.driftinfo.notifier.subscription.Subscription;
import se.driftinfo.notifier.window.WindowView;

/**
 * Feeds are served from memory (issue #14), and what a calendar client sees must still follow every
 * change: on this replica, and when another replica consumed the change (replicas share a consumer
 * group, so each sees only some of the events). Conditional requests and gzip as clients use them.
 */
@QuarkusTest
@WithTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "notifier"))
class FeedCacheTest {

    @Inject
    Feeds feeds;

    static final LocalDateTime START = LocalDateTime.of(2027, 9, 8, 6, 0);

    @Test
    void aChangedWindowReplacesTheFeedAlreadyServedAndItsEtag() {
        String region = Subscribers.newRegion();
        String path = "/feeds/regions/" + region + ".ics";
        UUID id = UUID.randomUUID();
        Events.window(EventTypes.WINDOW_SCHEDULED, window(id, 0, region, "Byte av lagring", START), null);
        String first = awaitFeed(path, "SUMMARY:Byte av lagring");
        Response served = plain().get(path);
        String etag = served.header("ETag");
        assertEquals(first, served.asString(), "the same bytes again");
        assertEquals(etag, plain().get(path).header("ETag"));
        plain().header("If-None-Match", etag).get(path).then().statusCode(304).header("ETag", etag);

        Events.window(
                EventTypes.WINDOW_UPDATED, window(id, 1, region, "Byte av lagring (flyttad)", START.plusDays(1)), null);
        String changed = awaitFeed(path, "SUMMARY:Byte av lagring (flyttad)");
        assertTrue(changed.contains("DTSTART;TZID=Europe/Stockholm:20270909T060000"), changed);
        assertFalse(changed.contains("SUMMARY:Byte av lagring\r\n"), "the old title is gone");
        Response after = plain().header("If-None-Match", etag).get(path);
        assertEquals(200, after.statusCode(), "the old ETag no longer matches");
        String newEtag = after.header("ETag");
        assertNotEquals(etag, newEtag);
        plain().header("If-None-Match", newEtag).get(path).then().statusCode(304);
    }

    @Test
    void gzipWhenAskedTheSameCalendarAfterGunzipAndItsOwnEtag() throws IOException {
        String region = Subscribers.newRegion();
        String path = "/feeds/regions/" + region + ".ics";
        Events.window(EventTypes.WINDOW_SCHEDULED, window(UUID.randomUUID(), 0, region, "Patchning", START), null);
        awaitFeed(path, "SUMMARY:Patchning");

        Response identity = plain().get(path);
        identity.then().statusCode(200).header("Vary", "Accept-Encoding");
        assertNull(identity.header("Content-Encoding"), "no gzip unless asked");
        Response gzip = plain().header("Accept-Encoding", "gzip, deflate, br").get(path);
        gzip.then()
                .statusCode(200)
                .header("Content-Encoding", "gzip")
                .header("Vary", "Accept-Encoding")
                .header("Content-Type", "text/calendar; charset=utf-8");
        byte[] compressed = gzip.asByteArray();
        assertTrue(compressed.length < identity.asByteArray().length, "compressed: " + compressed.length);
        assertArrayEquals(identity.asByteArray(), gunzip(compressed), "the same calendar");
        assertNotEquals(identity.header("ETag"), gzip.header("ETag"), "other bytes, another strong ETag");
        // Either ETag stands for the same content: a client that has it gets 304, in either encoding.
        plain().header("Accept-Encoding", "gzip")
                .header("If-None-Match", identity.header("ETag"))
                .get(path)
                .then()
                .statusCode(304)
                .header("ETag", gzip.header("ETag"));
        plain().header("If-None-Match", gzip.header("ETag")).get(path).then().statusCode(304);
        Response refused =
                plain().header("Accept-Encoding", "gzip;q=0, identity").get(path);
        assertEquals(200, refused.statusCode());
        assertNull(refused.header("Content-Encoding"), "gzip;q=0 is a refusal");
    }

    @Test
    void aWindowAnotherReplicaConsumedReachesThisReplicasCachedFeed() {
        String region = Subscribers.newRegion();
        String path = "/feeds/regions/" + region + ".ics";
        Events.window(EventTypes.WINDOW_SCHEDULED, window(UUID.randomUUID(), 0, region, "Certifikatbyte", START), null);
        awaitFeed(path, "SUMMARY:Certifikatbyte");
        String etag = plain().get(path).header("ETag");

        // What another replica's consumer does: the read model changes in the database, in its own
        // transaction; nothing happens in this JVM (no event, no observer).
        WindowV1 other = window(UUID.randomUUID(), 0, region, "Nätverksarbete", START.plusDays(7));
        QuarkusTransaction.requiringNew().run(() -> WindowView.of(other).persist());
        // Nothing else would ever drop the cached feed (it holds no outage): only the version check can.
        String feed = awaitFeed(path, "SUMMARY:Nätverksarbete");
        assertTrue(feed.contains("SUMMARY:Certifikatbyte"));
        assertNotEquals(etag, plain().get(path).header("ETag"));
    }

    @Test
    void anUnsubscribeOnAnotherReplicaRefusesThePrivateFeedHereWithinTheCheck() {
        String region = Subscribers.newRegion();
        String email = "pitea-" + UUID.randomUUID() + "@hc.example";
        String token =
                Subscribers.subscribeAndConfirm(email, region, List.of(), "sv").feed();
        String path = "/feeds/s/" + token + ".ics";
        plain().get(path).then().statusCode(200);
        plain().get(path).then().statusCode(200);
        String metrics = given().get("/q/metrics").asString();
        assertFalse(metrics.contains(token), "a private feed's token never shows in the metrics");
        assertTrue(metrics.contains("uri=\"/feeds/s/{token}.ics\""), "requests counted under the path template");

        // Another replica took the one-click unsubscribe: only the database knows.
        QuarkusTransaction.requiringNew().run(() -> {
            Subscription s = Subscription.<Subscription>find("email", email).firstResult();
            s.unsubscribe(Instant.now());
        });
        Eventually.until(
                Duration.ofSeconds(15),
                "the private feed refused",
                () -> plain().get(path).statusCode(),
                s -> s == 404);
    }

    @Test
    void aFeedFromMemoryIsAnsweredLikeTheFirstRenderingWithTheSecurityHeaders() {
        String region = Subscribers.newRegion();
        String path = "/feeds/regions/" + region + ".ics";
        Events.window(EventTypes.WINDOW_SCHEDULED, window(UUID.randomUUID(), 0, region, "Omstart", START), null);
        awaitFeed(path, "SUMMARY:Omstart");
        for (String encoding : List.of("identity", "gzip")) {
            // The first answer after a change is rendered behind RESTEasy, the next ones come from memory.
            feeds.contentChanged();
            Response rendered = plain().header("Accept-Encoding", encoding).get(path);
            Response fromMemory = plain().header("Accept-Encoding", encoding).get(path);
            for (Response r : List.of(rendered, fromMemory)) {
                r.then().statusCode(200);
                SecurityHeaders.EXPECTED.forEach((name, value) -> assertEquals(value, r.header(name), name));
            }
            for (String header : List.of("Content-Type", "ETag", "Cache-Control", "Vary", "Content-Encoding")) {
                assertEquals(rendered.header(header), fromMemory.header(header), header + " (" + encoding + ")");
            }
            assertArrayEquals(rendered.asByteArray(), fromMemory.asByteArray());
            assertEquals(String.valueOf(fromMemory.asByteArray().length), fromMemory.header("Content-Length"));
            Response notModified = plain().header("Accept-Encoding", encoding)
                    .header("If-None-Match", fromMemory.header("ETag"))
                    .get(path);
            notModified.then().statusCode(304);
            SecurityHeaders.EXPECTED.forEach((name, value) -> assertEquals(value, notModified.header(name), name));
        }
    }

    static WindowV1 window(UUID id, int sequence, String region, String title, LocalDateTime start) {
        return new WindowV1(
                id,
                sequence,
                title,
                "Planerat arbete.",
                region,
                List.of("cosmic"),
                "Europe/Stockholm",
                start,
                start.plusHours(2),
                null,
                "SCHEDULED",
                List.of(),
                null,
                Instant.parse("2027-01-01T00:00:00Z").plusSeconds(sequence * 60L));
    }

    /** Unfolded text of the feed once it contains {@code text}. */
    static String awaitFeed(String path, String text) {
        return Eventually.until(
                Duration.ofSeconds(20),
                text + " in " + path,
                () -> plain().get(path).asString().replace("\r\n ", ""),
                feed -> feed.contains(text));
    }

    /** A client that decodes nothing itself and asks for no encoding unless told. */
    static RequestSpecification plain() {
        return given().config(RestAssured.config()
                        .decoderConfig(DecoderConfig.decoderConfig().noContentDecoders())
                        .headerConfig(HeaderConfig.headerConfig().overwriteHeadersWithName("Accept-Encoding")))
                .header("Accept-Encoding", "identity");
    }

    static byte[] gunzip(byte[] bytes) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            return in.readAllBytes();
        }
    }
}
