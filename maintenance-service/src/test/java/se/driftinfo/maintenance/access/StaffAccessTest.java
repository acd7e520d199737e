package se.driftinfo.maintenance.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
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

    @Test
    void anAnonymousCallerIsSentToSignInOnPagesAndGets401OnApis() {
        assertEquals(List.of(), Endpoints.openToAnonymous(ALL, "/realms/driftinfo/protocol/openid-connect/auth"));
    }

    @Test
    void theWrongRoleGets403() {
        // The demo accounts' roles are planner and operator: each endpoint refuses the other.
        assertEquals(List.of(), Endpoints.openToWrongRole(ALL, List.of("planner", "operator")));
    }
}
