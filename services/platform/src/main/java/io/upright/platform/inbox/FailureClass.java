package io.upright.platform.inbox;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What a failed record deserves. A transient failure (the database or the network for a while) says nothing about the
 * record: it is retried in place until it goes through, never dead-lettered. A poison record can never be processed
 * and goes to the dead-letter topic at once. Anything else is a defect in our code or data that only a fix can cure:
 * it is dead-lettered as well, to be redriven after the fix.
 */
public enum FailureClass {

    POISON, TRANSIENT, DEFECT;

    /**
     * SQLSTATE classes and codes PostgreSQL uses for conditions that pass: connection exceptions (08), insufficient
     * resources (53), serialization failure and deadlock (40001, 40P01), lock not available (55P03), statement
     * timeout or cancel (57014) and the server shutting down or starting (57P01-57P03).
     */
    private static final Set<String> TRANSIENT_CLASSES = Set.of("08", "53");
    private static final Set<String> TRANSIENT_STATES = Set.of("40001", "40P01", "55P03", "57014", "57P01", "57P02", "57P03");

    public static FailureClass of(Throwable failure) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable t = failure; t != null && seen.put(t, Boolean.TRUE) == null; t = t.getCause()) {
            if (t instanceof PoisonRecord) {
                return POISON;
            }
        }
        seen.clear();
        for (Throwable t = failure; t != null && seen.put(t, Boolean.TRUE) == null; t = t.getCause()) {
            if (isTransient(t)) {
                return TRANSIENT;
            }
            for (Throwable suppressed : t.getSuppressed()) {
                if (isTransient(suppressed)) {
                    return TRANSIENT;
                }
            }
        }
        return DEFECT;
    }

    private static boolean isTransient(Throwable t) {
        if (t instanceof SQLTransientException || t instanceof SQLRecoverableException
                || t instanceof ConnectException || t instanceof SocketTimeoutException) {
            return true;
        }
        if (t instanceof SQLException sql) {
            String state = sql.getSQLState();
            if (state != null && (TRANSIENT_STATES.contains(state)
                    || (state.length() == 5 && TRANSIENT_CLASSES.contains(state.substring(0, 2))))) {
                return true;
            }
            String message = sql.getMessage() == null ? "" : sql.getMessage().toLowerCase(Locale.ROOT);
            // a database taken out of service for a while (ALTER DATABASE ... ALLOW_CONNECTIONS false) is 55000, a
            // state PostgreSQL also uses for conditions that do not pass: only this message is transient
            if ("55000".equals(state) && message.contains("not currently accepting connections")) {
                return true;
            }
            // the connection pool gives up waiting for a connection while the database is away (no SQLSTATE)
            return message.contains("acquisition timeout");
        }
        return false;
    }
}
