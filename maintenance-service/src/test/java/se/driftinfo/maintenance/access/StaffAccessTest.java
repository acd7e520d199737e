package se.driftinfo.maintenance.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import se.driftinfo.infra.Endpoints;
import se.driftinfo.infra.Endpoints.Endpoint;
import se.driftinfo.infra.InfraTestResource;

/**
 * Every endpoint of the service, found in its classes: each says who may call it, an anonymous caller
 * of a staff endpoint is sent to sign in (pages) or gets 401 (APIs), and the wrong role gets 403.
 */
@QuarkusTest
@WithTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "maintenance"))
class StaffAccessTest {

    static final List<Endpoint> ALL = Endpoints.of("se.driftinfo.maintenance");

    static List<Endpoint> staff() {
        return ALL.stream().filter(e -> !e.roles().isEmpty()).toList();
    }

    @Test
    void theScanFindsThePagesAndApisStaffUse() {
        List<String> names = ALL.stream().map(Endpoint::toString).toList();
        assertTrue(names.contains("GET /planner"), names.toString());
        assertTrue(names.contains("POST /planner/windows/{id}/cancel-occurrence"), names.toString());
        assertTrue(names.contains("POST /api/maintenance-windows"), names.toString());
        assertTrue(names.contains("DELETE /api/maintenance-windows/{id}"), names.toString());
        assertTrue(staff().size() >= 10, "staff endpoints: " + staff());
    }

    @Test
    void everyEndpointSaysWhoMayCallIt() {
        assertEquals(List.of(), Endpoints.unannotated(ALL), "endpoints with neither @RolesAllowed nor @PermitAll");
    }

    /**
     * Issue #15 gap 17: an endpoint added without thinking must be closed. Every resource class says who
     * may call it at class level (public reads say {@code @PermitAll} on the method), and Quarkus refuses
     * any endpoint that says nothing.
     */
    @Test
    void aNewEndpointIsClosedUnlessItSaysItIsPublic() throws Exception {
        List<String> open = resourceClasses().stream()
                .filter(c -> !c.isAnnotationPresent(RolesAllowed.class) && !c.isAnnotationPresent(PermitAll.class))
                .map(Class::getName)
                .toList();
        assertEquals(List.of(), open, "resource classes that do not say who may call their endpoints");
        assertEquals(
                Boolean.TRUE,
                ConfigProvider.getConfig()
                        .getOptionalValue("quarkus.security.jaxrs.deny-unannotated-endpoints", Boolean.class)
                        .orElse(false),
                "quarkus.security.jaxrs.deny-unannotated-endpoints");
    }

    @Test
    void anAnonymousCallerIsSentToSignInOnPagesAndGets401OnApis() {
        assertEquals(List.of(), Endpoints.openToAnonymous(ALL, "/realms/driftinfo/protocol/openid-connect/auth"));
    }

    @Test
    void theWrongRoleGets403() {
        // The demo accounts' roles are planner and operator: each endpoint refuses the other.
        assertEquals(List.of(), Endpoints.openToWrongRole(ALL, List.of("planner", "operator")));
    }

    /** The classes of this service that declare JAX-RS endpoints (a class-level {@code @Path}). */
    static List<Class<?>> resourceClasses() throws Exception {
        Path root = Path.of(StaffAccessTest.class
                        .getClassLoader()
                        .getResource("se/driftinfo/maintenance/window/rest")
                        .toURI())
                .getParent()
                .getParent();
        try (Stream<Path> files = Files.walk(root)) {
            List<Class<?>> resources = new ArrayList<>();
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = "se.driftinfo.maintenance."
                        + root.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> type = Class.forName(name, false, StaffAccessTest.class.getClassLoader());
                if (type.isAnnotationPresent(jakarta.ws.rs.Path.class)) {
                    resources.add(type);
                }
            }
            return resources;
        }
    }
}
