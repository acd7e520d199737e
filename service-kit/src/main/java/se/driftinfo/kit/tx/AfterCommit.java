package se.driftinfo.kit.tx;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Runs a wake-up once the current transaction has committed, once per transaction and key however
 * often it is asked: a batch of 200 queued mails wakes the senders once, a transaction that added ten
 * outbox events wakes the relay once, and only when the rows can be seen (never after a rollback).
 */
@ApplicationScoped
public class AfterCommit {

    private final TransactionSynchronizationRegistry transactions;

    public AfterCommit(TransactionSynchronizationRegistry transactions) {
        this.transactions = transactions;
    }

    /** Runs {@code action} after the current transaction commits, unless {@code key} already asked. */
    public void once(Object key, Runnable action) {
        if (transactions.getResource(key) != null) {
            return;
        }
        transactions.putResource(key, Boolean.TRUE);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {}

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    action.run();
                }
            }
        });
    }
}
