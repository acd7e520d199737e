package se.driftinfo.infra;

import java.util.Map;

/**
 * The security headers every service sends on every response (the defaults in service-kit's
 * microprofile-config.properties), written down once for the services' tests.
 */
public final class SecurityHeaders {

    /** Header name → the exact value a browser must receive. */
    public static final Map<String, String> EXPECTED = Map.of(
            "Content-Security-Policy",
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
                    + " frame-ancestors 'none'; base-uri 'self'; form-action 'self'",
            "X-Content-Type-Options",
            "nosniff",
            "Referrer-Policy",
            "same-origin",
            "X-Frame-Options",
            "DENY");

    private SecurityHeaders() {}
}
