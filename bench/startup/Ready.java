import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;

/**
 * bench/startup.sh's reference: the same JVM, with the same flags as a service, doing the least a
 * service must do before it is ready: start, listen on loopback and answer /q/health/ready 200. What
 * is left of a service's time to ready above this is the service's own start-up.
 */
public final class Ready {
    public static void main(String[] args) throws Exception {
        HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", Integer.parseInt(args[0])), 0);
        http.createContext("/q/health/ready", exchange -> {
            byte[] body = "{\"status\":\"UP\"}".getBytes();
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        http.start();
    }
}
