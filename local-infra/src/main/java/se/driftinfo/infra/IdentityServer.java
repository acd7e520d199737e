package se.driftinfo.infra;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A real OpenID Connect provider for tests and the local run: Keycloak, from its Maven artifact
 * ({@code org.keycloak:keycloak-quarkus-dist}, which local-infra's pom makes Maven download), in dev
 * mode with an in-memory database and the {@code driftinfo} realm imported on every start: the roles
 * {@code planner} and {@code operator} in the {@code groups} claim, the region groups in the
 * {@code regions} claim, and the demo accounts of the README. The services sign in against it through
 * the same OIDC code path as in production.
 */
public final class IdentityServer implements AutoCloseable {

    public static final String VERSION = "26.4.5";
    public static final String REALM = "driftinfo";
    public static final String CLIENT_ID = "driftinfo";
    /** The local realm's client secret: a demo value, like the demo passwords. */
    public static final String CLIENT_SECRET = "driftinfo-local-demo-secret-not-for-production";

    private static volatile IdentityServer current;

    private final Path workDir;
    private final int port;
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();
    private Process process;
    private Path log;

    public IdentityServer(Path workDir, int port) {
        this.workDir = workDir;
        this.port = port;
    }

    /** The identity server this JVM started, for {@link Staff}. */
    public static IdentityServer current() {
        IdentityServer server = current;
        if (server == null) {
            throw new IllegalStateException("No identity server runs in this JVM: the infrastructure starts one"
                    + " when localinfra.identity=true (see InfraTestResource)");
        }
        return server;
    }

    /** Launches Keycloak and returns at once; {@link #awaitReady} waits for it. */
    public IdentityServer launch() throws IOException {
        Path home = install();
        Files.createDirectories(workDir);
        log = workDir.resolve("keycloak.log");
        List<String> command = new ArrayList<>(List.of(
                "bash",
                home.resolve("bin/kc.sh").toString(),
                "start-dev",
                "--http-host=127.0.0.1",
                "--http-port=" + port,
                // Tokens name this issuer whichever address fetched them, so services and tests agree.
                "--hostname=" + url(),
                "--db=dev-mem",
                "--import-realm",
                "--cache=local"));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx384m -XX:TieredStopAtLevel=1");
        // Keycloak's master-realm admin, needed by dev mode; local only, like the realm's demo accounts.
        builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
        builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin-demo");
        process = builder.start();
        current = this;
        return this;
    }

    /** Waits until the realm's discovery document answers; fails early if Keycloak exits. */
    public IdentityServer awaitReady(Duration timeout) throws InterruptedException {
        long t0 = System.nanoTime();
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest discovery = HttpRequest.newBuilder(URI.create(issuer() + "/.well-known/openid-configuration"))
                .timeout(Duration.ofSeconds(5))
                .build();
        while (System.nanoTime() - t0 < timeout.toNanos()) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited with status " + process.exitValue() + "; see " + log);
            }
            try {
                if (http.send(discovery, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return this;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("Keycloak was not ready within " + timeout + "; see " + log);
    }

    public int port() {
        return port;
    }

    public String url() {
        return "http://localhost:" + port;
    }

    /** What services set as {@code quarkus.oidc.auth-server-url}. */
    public String issuer() {
        return url() + "/realms/" + REALM;
    }

    /**
     * An access token for a demo account (its password is the name plus {@code -demo}), from the
     * password grant, as the README's curl example gets one. Cached for 10 of the 15 minutes a token lives.
     */
    public String token(String user) {
        return tokens.compute(
                        user,
                        (u, cached) -> cached != null
                                        && cached.fetched().plus(TOKEN_REUSE).isAfter(Instant.now())
                                ? cached
                                : new Token(fetchToken(u, u + "-demo"), Instant.now()))
                .value();
    }

    /** Tokens live 15 minutes; a whole test run takes longer, so a cached one is renewed well before. */
    private static final Duration TOKEN_REUSE = Duration.ofMinutes(10);

    private record Token(String value, Instant fetched) {}

    private String fetchToken(String user, String password) {
        String form = "grant_type=password&scope=openid&client_id=" + CLIENT_ID + "&client_secret=" + CLIENT_SECRET
                + "&username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(issuer() + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        try {
            HttpResponse<String> response =
                    HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            Matcher token =
                    Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"").matcher(response.body());
            if (response.statusCode() != 200 || !token.find()) {
                throw new IllegalStateException(
                        "No token for " + user + ": " + response.statusCode() + " " + response.body());
            }
            return token.group(1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * What a browser does to sign in to a staff page: follows the service's redirect to this provider,
     * fills in the login form, and follows the redirect back with the code, which the service exchanges
     * for tokens (the authorization-code flow). Returns the cookies the service set on its way back.
     *
     * @param pageUrl a staff page, e.g. {@code http://localhost:8082/helpdesk}
     */
    public List<HttpCookie> signInAsBrowser(String pageUrl, String user) {
        // A cookie jar of our own: Keycloak marks its cookies Secure, which the JDK's would not send over
        // plain http on localhost, while browsers treat localhost as a secure context.
        Map<String, Map<String, String>> jar = new ConcurrentHashMap<>();
        HttpClient http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        try {
            HttpResponse<String> toLogin = send(http, jar, HttpRequest.newBuilder(URI.create(pageUrl)));
            String loginPage = send(http, jar, HttpRequest.newBuilder(URI.create(location(toLogin))))
                    .body();
            Matcher action = Pattern.compile(
                            "id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"|action=\"([^\"]+)\"[^>]*id=\"kc-form-login\"")
                    .matcher(loginPage);
            if (!action.find()) {
                throw new IllegalStateException("No login form at " + location(toLogin));
            }
            String target = (action.group(1) != null ? action.group(1) : action.group(2)).replace("&amp;", "&");
            String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                    + URLEncoder.encode(user + "-demo", StandardCharsets.UTF_8) + "&credentialId=";
            HttpResponse<String> back = send(
                    http,
                    jar,
                    HttpRequest.newBuilder(URI.create(target))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(form)));
            // The service exchanges the code for tokens and sets its session cookie.
            HttpResponse<String> signedIn = send(http, jar, HttpRequest.newBuilder(URI.create(location(back))));
            List<HttpCookie> cookies = new ArrayList<>();
            signedIn.headers().allValues("Set-Cookie").forEach(header -> {
                HttpCookie cookie = HttpCookie.parse(header).get(0);
                cookie.setHttpOnly(header.toLowerCase(java.util.Locale.ROOT).contains("httponly"));
                cookies.add(cookie);
            });
            return cookies;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static HttpResponse<String> send(
            HttpClient http, Map<String, Map<String, String>> jar, HttpRequest.Builder request)
            throws IOException, InterruptedException {
        HttpRequest built = request.build();
        String host = built.uri().getHost() + ":" + built.uri().getPort();
        Map<String, String> held = jar.computeIfAbsent(host, h -> new ConcurrentHashMap<>());
        if (!held.isEmpty()) {
            StringBuilder header = new StringBuilder();
            held.forEach((name, value) -> header.append(header.isEmpty() ? "" : "; ")
                    .append(name)
                    .append('=')
                    .append(value));
            request.header("Cookie", header.toString());
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        for (String set : response.headers().allValues("Set-Cookie")) {
            String pair = set.split(";", 2)[0];
            int eq = pair.indexOf('=');
            held.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
        }
        return response;
    }

    private static String location(HttpResponse<String> response) {
        return response.headers()
                .firstValue("Location")
                .orElseThrow(() -> new IllegalStateException("Expected a redirect from " + response.uri() + ", got "
                        + response.statusCode() + ": " + response.body()));
    }

    @Override
    public void close() {
        if (current == this) {
            current = null;
        }
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    /**
     * Keycloak unpacked once per machine into the temporary directory (unpacking 170 MB takes seconds,
     * the zip stays in the Maven repository), with the realm to import. A lock keeps two builds apart.
     */
    private static Path install() throws IOException {
        Path zip = zip();
        Path root = Path.of(System.getProperty("java.io.tmpdir")).resolve("driftinfo-keycloak-" + VERSION);
        Path home = root.resolve("keycloak-" + VERSION);
        Files.createDirectories(root);
        try (FileChannel channel =
                        FileChannel.open(root.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock ignored = channel.lock()) {
            if (!Files.exists(root.resolve(".unpacked"))) {
                System.out.println("[infra] Unpacking Keycloak " + VERSION + " into " + root);
                unzip(zip, root);
                Files.writeString(root.resolve(".unpacked"), zip.toString());
            }
            Path realm = home.resolve("data/import/driftinfo-realm.json");
            Files.createDirectories(realm.getParent());
            try (InputStream in = IdentityServer.class.getResourceAsStream("/keycloak/driftinfo-realm.json")) {
                Files.copy(in, realm, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return home;
    }

    private static Path zip() {
        String explicit = System.getProperty("driftinfo.keycloak.zip");
        Path repository = Path.of(System.getProperty(
                "maven.repo.local",
                Path.of(System.getProperty("user.home"), ".m2", "repository").toString()));
        Path zip = explicit != null
                ? Path.of(explicit)
                : repository.resolve(
                        "org/keycloak/keycloak-quarkus-dist/" + VERSION + "/keycloak-quarkus-dist-" + VERSION + ".zip");
        if (!Files.isRegularFile(zip)) {
            throw new IllegalStateException("Keycloak " + VERSION + " is not in the Maven repository (" + zip
                    + "): run ./mvnw install, which downloads it as a dependency of local-infra");
        }
        return zip;
    }

    private static void unzip(Path zip, Path into) throws IOException {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                Path target = into.resolve(entry.getName()).normalize();
                if (!target.startsWith(into)) {
                    throw new IOException("Unexpected path in " + zip + ": " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
