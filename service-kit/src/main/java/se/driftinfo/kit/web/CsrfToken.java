package se.driftinfo.kit.web;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The CSRF token of this browser (double-submit cookie): a random value kept in an HttpOnly,
 * SameSite=Strict cookie and repeated in a hidden field of every form, which {@link CsrfFilter}
 * compares. Another site can make a browser post a form but can neither read nor set this cookie.
 * The token needs no server state and no key, so every replica accepts it. Templates write
 * {@code <input type="hidden" name="csrf" value="{inject:csrf.token}">}.
 */
@Named("csrf")
@RequestScoped
public class CsrfToken {

    /** The cookie's and the form field's name. */
    public static final String NAME = "csrf";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final RoutingContext request;
    private String token;

    @Inject
    public CsrfToken(RoutingContext request) {
        this.request = request;
    }

    /** The browser's token, or a new one that the response sets as its cookie. */
    public String getToken() {
        if (token == null) {
            Cookie held = request.request().getCookie(NAME);
            token = held != null && Tokens.wellFormed(held.getValue()) ? held.getValue() : issue();
        }
        return token;
    }

    private String issue() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String value = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        request.response()
                .addCookie(Cookie.cookie(NAME, value)
                        .setPath("/")
                        .setHttpOnly(true)
                        .setSameSite(CookieSameSite.STRICT)
                        .setSecure(request.request().isSSL()
                                || "https".equals(request.request().scheme())));
        return value;
    }

    /** What a well-formed token looks like: 32 random bytes, base64url. */
    static final class Tokens {
        private Tokens() {}

        static boolean wellFormed(String value) {
            return value != null && value.matches("[A-Za-z0-9_-]{43}");
        }
    }
}
