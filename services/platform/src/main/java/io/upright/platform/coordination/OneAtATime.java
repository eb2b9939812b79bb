package io.upright.platform.coordination;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Operations that must not run twice at once across every instance of a service (a dead-letter redrive, a read-model
 * replay): an instance-local lock is not enough once a service runs several replicas behind one address. A PostgreSQL
 * session advisory lock in the service's own database, held on a connection of its own for as long as the operation
 * runs. An instance that dies loses its connection, and with it the lock, so nothing stays locked after a crash.
 */
@ApplicationScoped
public class OneAtATime {

    private static final Logger LOG = Logger.getLogger(OneAtATime.class);

    @Inject
    DataSource dataSource;

    /** Held until closed; close it in a {@code finally} (or try-with-resources). */
    public static final class Held implements AutoCloseable {

        private final Connection connection;
        private final long key;
        private final String name;

        private Held(Connection connection, long key, String name) {
            this.connection = connection;
            this.key = key;
            this.name = name;
        }

        @Override
        public void close() {
            try (connection; PreparedStatement ps = connection.prepareStatement("select pg_advisory_unlock(?)")) {
                ps.setLong(1, key);
                ps.execute();
            } catch (SQLException e) {
                // the connection is closed either way, and the lock goes with its session
                LOG.warnf("Releasing the lock %s: %s", name, e.toString());
            }
        }
    }

    /**
     * @param name what runs one at a time, e.g. {@code "dead-letter-redrive"}
     * @return the lock, or empty when this or another instance holds it
     */
    public Optional<Held> tryAcquire(String name) {
        long key = key(name);
        Connection connection = null;
        try {
            connection = dataSource.getConnection();
            try (PreparedStatement ps = connection.prepareStatement("select pg_try_advisory_lock(?)")) {
                ps.setLong(1, key);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    if (rs.getBoolean(1)) {
                        return Optional.of(new Held(connection, key, name));
                    }
                }
            }
            connection.close();
            return Optional.empty();
        } catch (SQLException e) {
            closeQuietly(connection);
            throw new IllegalStateException("Cannot take the lock " + name, e);
        }
    }

    /** A stable 64-bit key for the name, the same on every instance and build. */
    static long key(String name) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(("upright:" + name).getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest).getLong();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // already failing
            }
        }
    }
}
