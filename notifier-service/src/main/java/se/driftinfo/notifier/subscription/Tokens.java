package se.driftinfo.notifier.subscription;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The secrets in subscription links (confirm, manage, private feed): 256 random bits each, so the
 * token alone may authorise. Only {@link #hash} of a token is stored. A plain SHA-256 is enough:
 * slow, salted hashes (bcrypt, Argon2) exist to stop guessing of low-entropy passwords from a stolen
 * hash, and nobody guesses 2^256 values; a fast hash also lets a lookup use the unique index.
 */
public final class Tokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Tokens() {}

    /** 256 random bits, base64url without padding: 43 characters, safe in a URL path. */
    public static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Lower-case hex SHA-256 of the token's UTF-8 bytes, as the migration computed it in SQL. */
    public static String hash(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
