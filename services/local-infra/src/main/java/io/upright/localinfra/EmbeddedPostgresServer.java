package io.upright.localinfra;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A real PostgreSQL server from the binaries on Maven Central, one database per service. With a persistent
 * data directory the cluster is initialised once and reused on the next start.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    public static final String USERNAME = "postgres";

    private final EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /**
     * Starts with the settings the tests have always had ({@link Durability#FAST}).
     *
     * @param dataDir cluster directory, kept between starts
     * @param port    0 for any free port
     */
    public static EmbeddedPostgresServer start(Path dataDir, int port) {
        return start(dataDir, port, Durability.FAST);
    }

    /**
     * {@code UPRIGHT_PG_LOG_SLOW_MS=<ms>}: the server logs every statement slower than that with its plan
     * (auto_explain), and lock waits, to {@code <data directory>/log}; for profiling a benchmark, off by default.
     */
    public static final String LOG_SLOW_STATEMENTS = "UPRIGHT_PG_LOG_SLOW_MS";

    /**
     * @param dataDir    cluster directory, kept between starts
     * @param port       0 for any free port
     * @param durability the settings are passed on the server's command line, not written into the cluster, so
     *                   the same data directory can be started either way
     */
    public static EmbeddedPostgresServer start(Path dataDir, int port, Durability durability) {
        try {
            Files.createDirectories(dataDir);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setPort(FreePorts.orPick(port))
                    .setServerConfig("max_connections", "300")
                    .setServerConfig("fsync", "on")
                    // zonky turns synchronous_commit off for speed: a commit would then be acknowledged before its
                    // WAL reaches the disk, and a crash could lose events the client was told were stored
                    .setServerConfig("synchronous_commit", durability == Durability.DURABLE ? "on" : "off")
                    .setServerConfig("full_page_writes", "on");
            String slowMs = System.getenv(LOG_SLOW_STATEMENTS);
            if (slowMs != null && !slowMs.isBlank()) {
                // a profile shows a service waiting on the database; this says on which statements, with their plans
                builder.setServerConfig("logging_collector", "on")
                        .setServerConfig("log_directory", dataDir.resolve("log").toAbsolutePath().toString())
                        .setServerConfig("log_min_duration_statement", slowMs.strip())
                        .setServerConfig("shared_preload_libraries", "auto_explain")
                        .setServerConfig("auto_explain.log_min_duration", slowMs.strip())
                        .setServerConfig("auto_explain.log_analyze", "on")
                        .setServerConfig("auto_explain.log_buffers", "on")
                        .setServerConfig("log_lock_waits", "on")
                        .setServerConfig("deadlock_timeout", "100ms");
            }
            EmbeddedPostgres postgres = builder.start();
            return new EmbeddedPostgresServer(postgres);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start embedded PostgreSQL in " + dataDir, e);
        }
    }

    public void createDatabaseIfMissing(String database) {
        createDatabaseOn(port(), database);
    }

    /** Creates {@code database} on the server at {@code port} unless it exists. */
    public static void createDatabaseOn(int port, String database) {
        if (!database.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException("Not a plain database name: " + database);
        }
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", USERNAME, "");
             PreparedStatement exists = c.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, database);
            try (ResultSet rs = exists.executeQuery()) {
                if (rs.next()) {
                    return;
                }
            }
            try (Statement create = c.createStatement()) {
                create.execute("create database " + database);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create database " + database, e);
        }
    }

    public int port() {
        return postgres.getPort();
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + database;
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
