package se.driftinfo.incident.access;

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
@WithTestResource(value = InfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "incident"))
class StaffAccessTest {

    static final List<Endpoint> ALL = Endpoints.of("se.driftinfo.incident");

    static List<Endpoint> staff() {
        return ALL.stream().filter(e -> !e.roles().isEmpty()).toList();
    }

    @Test
    void theScanFindsThePagesAndApisStaffUse() {
        List<String> names = ALL.stream().map(Endpoint::toString).toList();
        assertTrue(names.contains("GET /helpdesk"), names.toString());
        assertTrue(names.contains("POST /helpdesk/reports/{id}/status"), names.toString());
        assertTrue(names.contains("PATCH /api/fault-reports/{id}"), names.toString());
        assertTrue(names.contains("POST /api/outages/{id}/resolve"), names.toString());
        assertTrue(staff().size() >= 20, "staff endpoints: " + staff());
    }

    @Test
    void everyEndpointSaysWhoMayCallIt() {
        assertEquals(List.of(), Endpoints.unannotated(ALL), "endpoints with neither @RolesAllowed nor @PermitAll");
    }

    /**
     * Gap 17 (issue #15): what anyone may call is a short, deliberate list. A new {@code @PermitAll}
     * endpoint fails here until it is added, so opening one is a decision, not an accident.
     */
    @Test
    void theEndpointsOpenToAnyoneAreExactlyTheDeliberateOnes() {
        assertEquals(
                List.of(
                        "POST /api/fault-reports", // a provider's key, checked in the method (401 without)
                        "GET /api/outages", // the public view: no authors, no linked reports
                        "GET /api/outages/{id}",
                        "GET /felanmalan", // clinics without an account
                        "POST /felanmalan"),
                ALL.stream().filter(Endpoint::permitAll).map(Endpoint::toString).toList());
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
