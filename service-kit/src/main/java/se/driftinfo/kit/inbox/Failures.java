package se.driftinfo.kit.inbox;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;

/**
 * Tells a failure that may pass (the database went away, a lock or a timeout, a concurrent change)
 * from one that will happen again however often the event is retried (unreadable JSON, an unknown
 * event type, a constraint or validation failure, a bug). Only the first kind is worth waiting for;
 * the second goes to the dead-letter topic at once.
 */
public final class Failures {

    /**
     * SQL state classes that describe the moment, not the data: 08 connection exception, 40
     * transaction rollback (serialization failure, deadlock), 53 insufficient resources (too many
     * connections), 57 operator intervention (admin shutdown, statement cancelled or timed out).
     */
    private static final Set<String> TRANSIENT_SQL_STATE_CLASSES = Set.of("08", "40", "53", "57");

    /** 55P03 lock_not_available: a lock timeout or NOWAIT. */
    private static final String LOCK_NOT_AVAILABLE = "55P03";

    /**
     * Hibernate's and JPA's types for connection loss, lock and query timeouts and optimistic-lock
     * conflicts (another replica changed the row). By name, since some moved between Hibernate
     * versions; most also carry an SQL state, checked above.
     */
    private static final Set<String> TRANSIENT_TYPES = Set.of(
            "org.hibernate.exception.JDBCConnectionException",
            "org.hibernate.exception.LockAcquisitionException",
            "org.hibernate.exception.LockTimeoutException",
            "org.hibernate.PessimisticLockException",
            "org.hibernate.QueryTimeoutException",
            "org.hibernate.StaleStateException",
            "org.hibernate.StaleObjectStateException",
            "jakarta.persistence.LockTimeoutException",
            "jakarta.persistence.PessimisticLockException",
            "jakarta.persistence.QueryTimeoutException",
            "jakarta.persistence.OptimisticLockException");

    private Failures() {}

    /** Whether retrying the same work later may succeed: looks through the whole cause chain. */
    public static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientException
                    || t instanceof SQLRecoverableException
                    || t instanceof SocketTimeoutException
                    || t instanceof ConnectException) {
                return true;
            }
            if (t instanceof SQLException sql && transientState(sql)) {
                return true;
            }
            if (isTransientType(t.getClass())) {
                return true;
            }
            // Agroal says so only in words: no connection could be had from the pool in time.
            if (t instanceof SQLException
                    && t.getMessage() != null
                    && t.getMessage().contains("acquisition timeout")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the work lost a lock conflict with another transaction (a deadlock, a serialization
     * failure, a lock timeout): it was rolled back for certain, unlike when the database went away
     * mid-commit, so doing it again cannot do it twice.
     */
    public static boolean isLockConflict(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql
                    && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("40") || LOCK_NOT_AVAILABLE.equals(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    private static boolean transientState(SQLException e) {
        for (SQLException s = e; s != null; s = s.getNextException()) {
            String state = s.getSQLState();
            if (state != null
                    && state.length() >= 2
                    && (TRANSIENT_SQL_STATE_CLASSES.contains(state.substring(0, 2))
                            || LOCK_NOT_AVAILABLE.equals(state))) {
                return true;
            }
            if (s.getNextException() == s) {
                break;
            }
        }
        return false;
    }

    private static boolean isTransientType(Class<?> type) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            if (TRANSIENT_TYPES.contains(c.getName())) {
                return true;
            }
        }
        return false;
    }
}
