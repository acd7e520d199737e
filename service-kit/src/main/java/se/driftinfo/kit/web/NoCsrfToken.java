package se.driftinfo.kit.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * This endpoint is authorised by a secret in its URL, not by anything the browser sends by itself, and
 * is posted by programs that have no CSRF cookie: a mail provider's one-click unsubscribe (RFC 8058).
 * {@link CsrfFilter} lets it through. Use it for nothing else.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface NoCsrfToken {}
