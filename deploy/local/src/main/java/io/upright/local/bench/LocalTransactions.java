package io.upright.local.bench;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The part of JTA the platform's beans use, for one connection per thread: a transaction is that connection with
 * auto-commit off, committed at the end; the outbox's after-commit callback (waking the relay) runs once it committed,
 * as Narayana runs it.
 */
final class LocalTransactions implements TransactionSynchronizationRegistry {

    /** Work inside one transaction. */
    interface Work {
        void run() throws Exception;
    }

    private static final class Transaction {
        final Map<Object, Object> resources = new HashMap<>();
        final List<Synchronization> synchronizations = new ArrayList<>();
        boolean rollbackOnly;
    }

    private final ThreadConnections connections;
    private final ThreadLocal<Transaction> current = new ThreadLocal<>();

    LocalTransactions(ThreadConnections connections) {
        this.connections = connections;
    }

    void run(Work work) throws Exception {
        if (current.get() != null) {
            throw new IllegalStateException("a transaction is already running on this thread");
        }
        Transaction tx = new Transaction();
        current.set(tx);
        boolean committed = false;
        try {
            connections.begin();
            work.run();
            if (tx.rollbackOnly) {
                throw new IllegalStateException("marked for rollback");
            }
            tx.synchronizations.forEach(Synchronization::beforeCompletion);
            connections.physical().commit();
            committed = true;
        } catch (Exception | Error e) {
            connections.physical().rollback();
            throw e;
        } finally {
            connections.end();
            current.remove();
            int status = committed ? Status.STATUS_COMMITTED : Status.STATUS_ROLLEDBACK;
            tx.synchronizations.forEach(s -> s.afterCompletion(status));
        }
    }

    private Transaction required() {
        Transaction tx = current.get();
        if (tx == null) {
            throw new IllegalStateException("no transaction on this thread");
        }
        return tx;
    }

    @Override
    public Object getTransactionKey() {
        return current.get();
    }

    @Override
    public void putResource(Object key, Object value) {
        required().resources.put(key, value);
    }

    @Override
    public Object getResource(Object key) {
        return required().resources.get(key);
    }

    @Override
    public void registerInterposedSynchronization(Synchronization sync) {
        required().synchronizations.add(sync);
    }

    @Override
    public int getTransactionStatus() {
        return current.get() == null ? Status.STATUS_NO_TRANSACTION : Status.STATUS_ACTIVE;
    }

    @Override
    public void setRollbackOnly() {
        required().rollbackOnly = true;
    }

    @Override
    public boolean getRollbackOnly() {
        return required().rollbackOnly;
    }
}
