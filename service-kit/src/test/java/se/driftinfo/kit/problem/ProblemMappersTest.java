package se.driftinfo.kit.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;
import se.driftinfo.kit.domain.ConflictException;
import se.driftinfo.kit.domain.InvalidFieldException;
import se.driftinfo.kit.domain.InvalidFieldException.FieldError;
import se.driftinfo.kit.domain.NotFoundException;
import se.driftinfo.kit.domain.OutsideRegionException;
import se.driftinfo.kit.domain.StaleVersionException;

/** Each domain exception becomes the same problem details the services answered with before. */
class ProblemMappersTest {

    static final String PATH = "/api/maintenance-windows/42";

    @Test
    void aDatabaseThatIsAwayIs503WithRetryAfterNot500() {
        var down = new jakarta.persistence.PersistenceException(
                new java.sql.SQLTransientConnectionException("Acquisition timeout while waiting for new connection"));
        jakarta.ws.rs.core.Response r = new ProblemMappers().unexpected(down, null);
        assertEquals(503, r.getStatus());
        assertEquals("5", r.getHeaderString("Retry-After"));
        assertEquals("https://driftinfo.se/problems/temporarily-unavailable", ((Problem) r.getEntity()).type());
    }

    @Test
    void aValidatorThatMetTheDatabaseAwayIs503Too() {
        // Hibernate Validator's HV000028: a validator threw, and the cause is wrapped.
        var wrapped = new jakarta.validation.ValidationException(
                "HV000028: Unexpected exception during isValid call.",
                new org.hibernate.exception.JDBCConnectionException(
                        "Unable to acquire JDBC Connection", new java.sql.SQLException("refused", "08001")));
        jakarta.ws.rs.core.Response r = new ProblemMappers().validatorFailed(wrapped, null);
        assertEquals(503, r.getStatus());
        assertEquals("5", r.getHeaderString("Retry-After"));
    }

    @Test
    void anythingElseUnexpectedIs500WithAnErrorId() {
        jakarta.ws.rs.core.Response r = new ProblemMappers().unexpected(new IllegalStateException("bug"), null);
        assertEquals(500, r.getStatus());
    }

    @Test
    void notFoundIs404() {
        Problem p = ProblemMappers.problemOf(new NotFoundException("Window 42"), PATH);
        assertEquals(404, p.status());
        assertEquals("https://driftinfo.se/problems/not-found", p.type());
        assertEquals("Not found", p.title());
        assertEquals("Window 42 does not exist", p.detail());
        assertEquals(PATH, p.instance());
        assertNull(p.invalidParams());
    }

    @Test
    void anotherRegionsThingIs403() {
        Problem p = ProblemMappers.problemOf(new OutsideRegionException("kronoberg"), PATH);
        assertEquals(403, p.status());
        assertEquals("https://driftinfo.se/problems/outside-region", p.type());
        assertEquals("Your account may not see or change region kronoberg", p.detail());
    }

    @Test
    void conflictIs409() {
        Problem p = ProblemMappers.problemOf(new ConflictException("The series is cancelled"), PATH);
        assertEquals(409, p.status());
        assertEquals("https://driftinfo.se/problems/conflict", p.type());
        assertEquals("Conflict with the current state", p.title());
        assertEquals("The series is cancelled", p.detail());
        assertNull(p.invalidParams());
    }

    @Test
    void staleVersionIs412() {
        Problem p = ProblemMappers.problemOf(new StaleVersionException("The report has changed since"), PATH);
        assertEquals(412, p.status());
        assertEquals("https://driftinfo.se/problems/stale-version", p.type());
        assertEquals("Precondition failed", p.title());
        assertEquals("The report has changed since", p.detail());
        assertNull(p.invalidParams());
    }

    @Test
    void invalidFieldIs400NamingEachField() {
        Problem p = ProblemMappers.problemOf(
                new InvalidFieldException(List.of(
                        new FieldError("systems[1]", "is not a system of norrbotten"),
                        new FieldError("end", "must be after start"))),
                PATH);
        assertEquals(400, p.status());
        assertEquals("https://driftinfo.se/problems/invalid-request", p.type());
        assertEquals("Invalid request", p.title());
        assertEquals("systems[1]: is not a system of norrbotten; end: must be after start", p.detail());
        assertEquals(
                List.of(
                        new Problem.InvalidParam("systems[1]", "is not a system of norrbotten"),
                        new Problem.InvalidParam("end", "must be after start")),
                p.invalidParams());
    }
}
