package se.driftinfo.notifier.subscription;

import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import se.driftinfo.notifier.NotifierConfig;

/**
 * The token in every mail's unsubscribe link. Every mail to a subscriber carries it, long after the
 * subscription was made, so it must be writable again at any time; storing it (even encrypted) would
 * put it in the database. Instead it is the subscription id with an HMAC-SHA256 over it under a
 * server key ({@code driftinfo.notifier.subscriptions.unsubscribe-key}, kept outside the database): a
 * copy of the database alone cannot unsubscribe anyone. 64 base64url characters (16 bytes of id, 32
 * of HMAC). Changing the key breaks the unsubscribe links in mail already sent.
 */
@ApplicationScoped
public class UnsubscribeTokens {

    private static final int ID_BYTES = 16;
    private static final int MAC_BYTES = 32;
    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    public UnsubscribeTokens(NotifierConfig config) {
        String secret = config.subscriptions().unsubscribeKey();
        if (secret.length() < 32) {
            throw new IllegalStateException(
                    "driftinfo.notifier.subscriptions.unsubscribe-key must have at least 32 characters");
        }
        this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    /** The token for {@code subscription}'s unsubscribe link; the same every time. */
    public String of(Subscription subscription) {
        ByteBuffer token = ByteBuffer.allocate(ID_BYTES + MAC_BYTES);
        token.put(idBytes(subscription.id));
        token.put(mac(subscription.id));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(token.array());
    }

    /** The subscription a derived token names, if the token is one and its HMAC is right. */
    Optional<UUID> subscriptionOf(String token) {
        if (token == null || token.length() != 64) {
            return Optional.empty();
        }
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(token);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (bytes.length != ID_BYTES + MAC_BYTES) {
            return Optional.empty();
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        UUID id = new UUID(buffer.getLong(), buffer.getLong());
        byte[] given = Arrays.copyOfRange(bytes, ID_BYTES, bytes.length);
        // Constant time: the comparison must not tell a guesser how many bytes were right.
        return MessageDigest.isEqual(given, mac(id)) ? Optional.of(id) : Optional.empty();
    }

    private byte[] mac(UUID id) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            mac.update("unsubscribe:".getBytes(StandardCharsets.US_ASCII));
            return mac.doFinal(idBytes(id));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    private static byte[] idBytes(UUID id) {
        return ByteBuffer.allocate(ID_BYTES)
                .putLong(id.getMostSignificantBits())
                .putLong(id.getLeastSignificantBits())
                .array();
    }
}
