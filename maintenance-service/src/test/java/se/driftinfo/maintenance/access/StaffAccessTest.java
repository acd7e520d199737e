package se.driftinfo.maintenance.access;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import se.driftinfo.infra.Endpoints;
import se.driftinfo.infra.Endpoints.Endpoint;
import se.driftinfo.infra.InfraTestResource;
import se.driftinfo.infra.Staff;

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
        List<Endpoint> unannotated =
                ALL.stream().filter(e -> e.roles().isEmpty() && !e.permitAll()).toList();
        assertEquals(List.of(), unannotated, "endpoints with neither @RolesAllowed nor @PermitAll");
    }

    @Test
    void anAnonymousCallerIsSentToSignInOnPagesAndGets401OnApis() {
        List<String> wrong = new ArrayList<>();
        for (Endpoint e : staff()) {
            Response r = e.withBody(given().redirects().follow(false)).request(e.method(), e.samplePath());
            boolean refused = e.isApi()
                    ? r.statusCode() == 401
                    : r.statusCode() == 302
                            && r.header("Location").contains("/realms/driftinfo/protocol/openid-connect/auth");
            if (!refused) {
                wrong.add(e + " -> " + r.statusCode() + " " + r.header("Location"));
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void theWrongRoleGets403() {
        List<String> wrong = new ArrayList<>();
        for (Endpoint e : staff()) {
            String other = e.roles().contains("planner") ? "operator" : "planner";
            int status = e.withBody(Staff.as(other).redirects().follow(false))
                    .request(e.method(), e.samplePath())
                    .statusCode();
            if (status != 403) {
                wrong.add(e + " as " + other + " -> " + status);
            }
        }
        assertEquals(List.of(), wrong);
    }
}
