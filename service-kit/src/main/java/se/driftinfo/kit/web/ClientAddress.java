package se.driftinfo.kit.web;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Who is asking, as the key of a per-client rate limit ({@link se.driftinfo.kit.ratelimit.RateLimits}).
 *
 * <p>It is the address Vert.x reports for the request, so behind a proxy it honours Quarkus' forwarded
 * header handling ({@code quarkus.http.proxy.proxy-address-forwarding}, {@code allow-x-forwarded} and
 * {@code trusted-proxies}, see docs/configuration.md): without it every client behind the ingress is
 * one client. An IPv6 address counts by its /64 network, since one household or host usually holds a
 * whole /64 and could otherwise change address per request.
 */
@ApplicationScoped
public class ClientAddress {

    private final CurrentVertxRequest current;

    public ClientAddress(CurrentVertxRequest current) {
        this.current = current;
    }

    /** The current request's client. Call it on a request thread (a resource method or filter). */
    public String get() {
        RoutingContext context = current.getCurrent();
        if (context == null) {
            throw new IllegalStateException("ClientAddress used outside an HTTP request");
        }
        return of(context.request());
    }

    /** The client of {@code request}, after Quarkus applied any trusted forwarded headers. */
    public static String of(HttpServerRequest request) {
        SocketAddress address = request.remoteAddress();
        if (address == null) {
            return "unknown";
        }
        String host = address.hostAddress() != null ? address.hostAddress() : address.host();
        return host == null ? "unknown" : network(host);
    }

    /** An IPv6 address becomes its /64 prefix; anything else is kept as it is. */
    static String network(String host) {
        if (!host.contains(":")) {
            return host;
        }
        try {
            // A literal address: no name lookup happens.
            InetAddress parsed = InetAddress.getByName(host.replace("[", "").replace("]", ""));
            if (parsed instanceof Inet6Address) {
                byte[] bytes = parsed.getAddress();
                for (int i = 8; i < 16; i++) {
                    bytes[i] = 0;
                }
                return InetAddress.getByAddress(bytes).getHostAddress() + "/64";
            }
            return parsed.getHostAddress();
        } catch (UnknownHostException e) {
            return host;
        }
    }
}
