package se.driftinfo.kit.inbox;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.PersistenceException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;

/** Gap 1: which failures a consumer waits out and which it dead-letters at once. */
class FailuresTest {

    @Test
    void aLostConnectionALockOrATimeoutMayPass() {
        assertTrue(Failures.isTransient(
                new PersistenceException(new JDBCConnectionException("lost", new SQLException("I/O error", "08006")))));
        assertTrue(Failures.isTransient(new SQLException("could not serialize access", "40001")));
        assertTrue(Failures.isTransient(new SQLException("deadlock detected", "40P01")));
        assertTrue(Failures.isTransient(new SQLException("canceling statement due to statement timeout", "57014")));
        assertTrue(Failures.isTransient(new SQLException("terminating connection", "57P01")));
        assertTrue(Failures.isTransient(new SQLException("too many connections", "53300")));
        assertTrue(Failures.isTransient(new SQLException("could not obtain lock", "55P03")));
        assertTrue(Failures.isTransient(new SQLTransientConnectionException("refused")));
        assertTrue(Failures.isTransient(new jakarta.persistence.LockTimeoutException("lock")));
        assertTrue(Failures.isTransient(new jakarta.persistence.OptimisticLockException("changed meanwhile")));
        assertTrue(Failures.isTransient(new IllegalStateException(new SQLException("Sorry, acquisition timeout!"))));
    }

    @Test
    void badDataAndBugsCannotPass() {
        assertFalse(Failures.isTransient(
                new ConstraintViolationException("duplicate", new SQLException("duplicate key", "23505"), "some_key")));
        assertFalse(Failures.isTransient(new SQLException("value too long", "22001")));
        assertFalse(Failures.isTransient(new IllegalArgumentException("Unknown event type x.v2")));
        assertFalse(Failures.isTransient(new UncheckedIOException(new java.io.IOException("Unexpected character"))));
        assertFalse(Failures.isTransient(new jakarta.validation.ConstraintViolationException("invalid", null)));
        assertFalse(Failures.isTransient(new NullPointerException()));
    }
}
