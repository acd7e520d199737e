package se.driftinfo.notifier.feed;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * A feed's bytes as served, made once per change: the iCalendar text in UTF-8 and gzip-compressed,
 * each in a read-only direct buffer the server writes to the socket as it is (no copy per request),
 * the strong ETag of each (SHA-256 of the text; the compressed one carries {@code -gzip}, as the two
 * are different bytes), and until when it is right ({@code validUntil}: an open outage reaches to the
 * next full hour, a resolved one drops out 90 days after it ended).
 */
public final class RenderedFeed {

    private static final String GZIP_SUFFIX = "-gzip";

    private final ByteBuffer identity;
    private final ByteBuffer gzip;
    private final String hash;
    private final String etag;
    private final String gzipEtag;
    private final Instant validUntil;

    private RenderedFeed(byte[] text, byte[] compressed, String hash, Instant validUntil) {
        this.identity = direct(text);
        this.gzip = direct(compressed);
        this.hash = hash;
        this.etag = '"' + hash + '"';
        this.gzipEtag = '"' + hash + GZIP_SUFFIX + '"';
        this.validUntil = validUntil;
    }

    public static RenderedFeed of(byte[] text, Instant validUntil) {
        return new RenderedFeed(text, gzip(text), sha256(text), validUntil);
    }

    /** The text; a fresh view on the shared bytes for each reader. */
    public ByteBuffer identity() {
        return identity.duplicate();
    }

    /** The text gzip-compressed (RFC 1952); a fresh view for each reader. */
    public ByteBuffer gzip() {
        return gzip.duplicate();
    }

    /** The ETag header's value (quoted) of the text, or of the compressed text. */
    public String etag(boolean gzipped) {
        return gzipped ? gzipEtag : etag;
    }

    public Instant validUntil() {
        return validUntil;
    }

    /**
     * True if an {@code If-None-Match} header names this content, in either encoding (weak comparison,
     * RFC 9110 13.1.2): the client already has these bytes.
     */
    public boolean matches(String ifNoneMatch) {
        for (String tag : ifNoneMatch.split(",")) {
            String t = tag.trim();
            if (t.equals("*")) {
                return true;
            }
            if (t.startsWith("W/")) {
                t = t.substring(2);
            }
            if (t.length() < 2 || t.charAt(0) != '"' || t.charAt(t.length() - 1) != '"') {
                continue;
            }
            t = t.substring(1, t.length() - 1);
            if (t.endsWith(GZIP_SUFFIX)) {
                t = t.substring(0, t.length() - GZIP_SUFFIX.length());
            }
            if (t.equals(hash)) {
                return true;
            }
        }
        return false;
    }

    private static ByteBuffer direct(byte[] bytes) {
        return ByteBuffer.allocateDirect(bytes.length).put(bytes).flip().asReadOnlyBuffer();
    }

    /** Best compression: it is done once per change. Java writes no time stamp, so every replica's bytes agree. */
    static byte[] gzip(byte[] text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(text.length / 4 + 64);
        try (GZIPOutputStream zip = new GZIPOutputStream(out, 8192) {
            {
                def.setLevel(Deflater.BEST_COMPRESSION);
            }
        }) {
            zip.write(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
