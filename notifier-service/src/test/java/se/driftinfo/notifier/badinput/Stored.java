package se.driftinfo.notifier.badinput;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;
import java.time.Instant;

/** Counts what a request stored since a moment: subscriptions and queued mail. */
final class Stored {

    private Stored() {}

    static long since(EntityManager em, Instant since) {
        return QuarkusTransaction.requiringNew()
                .call(() -> count(em, "subscription", since) + count(em, "delivery", since));
    }

    private static long count(EntityManager em, String table, Instant since) {
        return ((Number) em.createNativeQuery("select count(*) from " + table + " where created_at >= ?1")
                        .setParameter(1, since)
                        .getSingleResult())
                .longValue();
    }
}
