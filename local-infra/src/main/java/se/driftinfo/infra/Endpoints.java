package se.driftinfo.infra;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Every REST endpoint a service declares, found in its compiled classes, so that access tests cover
 * endpoints nobody remembered to list: a new one is tested the day it is written.
 */
public final class Endpoints {

    /** One endpoint: its HTTP method, its path template and who may call it. */
    public record Endpoint(String method, String path, Set<String> roles, boolean permitAll, String consumes) {

        /** The path with every {@code {param}} filled in with something that exists nowhere. */
        public String samplePath() {
            return path.replaceAll("\\{[^}]+}", "00000000-0000-0000-0000-000000000000");
        }

        public boolean isApi() {
            return path.startsWith("/api/");
        }

        /** A request body of the kind the endpoint takes, as a real client sends it (empty of content). */
        public io.restassured.specification.RequestSpecification withBody(
                io.restassured.specification.RequestSpecification request) {
            if (consumes == null || "GET".equals(method) || "DELETE".equals(method)) {
                return request;
            }
            return consumes.contains("json") ? request.contentType(consumes).body("{}") : request.contentType(consumes);
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private static final Map<Class<? extends Annotation>, String> METHODS = Map.of(
            GET.class, "GET",
            POST.class, "POST",
            PUT.class, "PUT",
            PATCH.class, "PATCH",
            DELETE.class, "DELETE",
            HEAD.class, "HEAD");

    private Endpoints() {}

    /** Endpoints that say neither who may call them ({@code @RolesAllowed}) nor that anyone may ({@code @PermitAll}). */
    public static List<Endpoint> unannotated(List<Endpoint> endpoints) {
        return endpoints.stream()
                .filter(e -> e.roles().isEmpty() && !e.permitAll())
                .toList();
    }

    /** Staff endpoints an anonymous caller is not refused by: pages must send to sign-in, APIs answer 401. */
    public static List<String> openToAnonymous(List<Endpoint> endpoints, String signInUrlPart) {
        List<String> open = new ArrayList<>();
        for (Endpoint e : endpoints) {
            if (e.roles().isEmpty()) {
                continue;
            }
            io.restassured.response.Response r = e.withBody(
                            io.restassured.RestAssured.given().redirects().follow(false))
                    .request(e.method(), e.samplePath());
            boolean refused = e.isApi()
                    ? r.statusCode() == 401
                    : r.statusCode() == 302
                            && String.valueOf(r.header("Location")).contains(signInUrlPart);
            if (!refused) {
                open.add(e + " -> " + r.statusCode() + " " + r.header("Location"));
            }
        }
        return open;
    }

    /** Staff endpoints that a signed-in account without their role is not refused (403) by. */
    public static List<String> openToWrongRole(List<Endpoint> endpoints, List<String> accounts) {
        List<String> open = new ArrayList<>();
        for (Endpoint e : endpoints) {
            for (String account : accounts) {
                if (e.roles().isEmpty() || e.roles().contains(account)) {
                    continue;
                }
                int status = e.withBody(Staff.as(account).redirects().follow(false))
                        .request(e.method(), e.samplePath())
                        .statusCode();
                if (status != 403) {
                    open.add(e + " as " + account + " -> " + status);
                }
            }
        }
        return open;
    }

    /** The endpoints of the classes under {@code basePackage} (in a directory on the class path). */
    public static List<Endpoint> of(String basePackage) {
        List<Endpoint> endpoints = new ArrayList<>();
        for (Class<?> type : classes(basePackage)) {
            Path classPath = type.getAnnotation(Path.class);
            if (classPath == null) {
                continue;
            }
            for (Method m : type.getDeclaredMethods()) {
                String verb = verb(m);
                if (verb == null) {
                    continue;
                }
                Path methodPath = m.getAnnotation(Path.class);
                String path = join(classPath.value(), methodPath == null ? "" : methodPath.value());
                RolesAllowed roles = m.isAnnotationPresent(RolesAllowed.class)
                        ? m.getAnnotation(RolesAllowed.class)
                        : m.isAnnotationPresent(PermitAll.class) ? null : type.getAnnotation(RolesAllowed.class);
                boolean permitAll = roles == null
                        && (m.isAnnotationPresent(PermitAll.class) || type.isAnnotationPresent(PermitAll.class));
                Consumes consumes = m.isAnnotationPresent(Consumes.class)
                        ? m.getAnnotation(Consumes.class)
                        : type.getAnnotation(Consumes.class);
                endpoints.add(new Endpoint(
                        verb,
                        path,
                        roles == null ? Set.of() : Set.of(roles.value()),
                        permitAll,
                        consumes == null
                                ? (path.startsWith("/api/") ? "application/json" : null)
                                : consumes.value()[0]));
            }
        }
        endpoints.sort(Comparator.comparing(Endpoint::path).thenComparing(Endpoint::method));
        return endpoints;
    }

    private static String verb(Method m) {
        for (Map.Entry<Class<? extends Annotation>, String> e : METHODS.entrySet()) {
            if (m.isAnnotationPresent(e.getKey())) {
                return e.getValue();
            }
        }
        return null;
    }

    private static String join(String a, String b) {
        String path = ("/" + a + "/" + b).replaceAll("/+", "/");
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    private static List<Class<?>> classes(String basePackage) {
        String dir = basePackage.replace('.', '/');
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        List<Class<?>> classes = new ArrayList<>();
        try {
            for (URL root : java.util.Collections.list(loader.getResources(dir))) {
                if (!"file".equals(root.getProtocol())) {
                    continue;
                }
                java.nio.file.Path base = Paths.get(root.toURI());
                try (Stream<java.nio.file.Path> files = Files.walk(base)) {
                    for (java.nio.file.Path file :
                            files.filter(f -> f.toString().endsWith(".class")).toList()) {
                        String name = basePackage + "."
                                + base.relativize(file)
                                        .toString()
                                        .replace('/', '.')
                                        .replaceAll("\\.class$", "");
                        if (!name.contains("$")) {
                            classes.add(Class.forName(name, false, loader));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException | ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
        return classes;
    }
}
