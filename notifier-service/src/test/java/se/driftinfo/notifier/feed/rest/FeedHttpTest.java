package se.driftinfo.notifier.feed.rest;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import se.driftinfo.notifier.feed.RenderedFeed;

/** Which encoding a client gets and which If-None-Match values name the bytes it holds. */
class FeedHttpTest {

    @Test
    void gzipOnlyWhenTheClientAcceptsIt() {
        assertTrue(FeedResource.acceptsGzip("gzip"));
        assertTrue(FeedResource.acceptsGzip("gzip, deflate, br"));
        assertTrue(FeedResource.acceptsGzip("br;q=1.0, gzip;q=0.8, *;q=0.1"));
        assertTrue(FeedResource.acceptsGzip("*"));
        assertTrue(FeedResource.acceptsGzip("x-gzip"));
        assertFalse(FeedResource.acceptsGzip(null));
        assertFalse(FeedResource.acceptsGzip(""));
        assertFalse(FeedResource.acceptsGzip("identity"));
        assertFalse(FeedResource.acceptsGzip("deflate, br"));
        assertFalse(FeedResource.acceptsGzip("gzip;q=0"));
        assertFalse(FeedResource.acceptsGzip("*, gzip;q=0"));
        assertFalse(FeedResource.acceptsGzip("gzip;q=0, *"));
    }

    @Test
    void eitherEtagOfTheContentMatches() {
        RenderedFeed feed = RenderedFeed.of("BEGIN:VCALENDAR\r\n".getBytes(StandardCharsets.UTF_8), Instant.MAX);
        String plain = feed.etag(false);
        String gzip = feed.etag(true);
        assertTrue(plain.startsWith("\"") && plain.endsWith("\""));
        assertTrue(feed.matches(plain));
        assertTrue(feed.matches(gzip));
        assertTrue(feed.matches("W/" + plain));
        assertTrue(feed.matches("\"other\", " + gzip));
        assertTrue(feed.matches("*"));
        assertFalse(feed.matches("\"other\""));
        assertFalse(feed.matches(plain.substring(1, plain.length() - 1)), "an ETag is quoted");
    }
}
