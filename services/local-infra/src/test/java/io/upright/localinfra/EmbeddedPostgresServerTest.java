package io.upright.localinfra;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/** Asks the running server itself which settings are in effect, so a builder default cannot sneak back in. */
class EmbeddedPostgresServerTest {

    @TempDir
    Path dataDir;

    @Test
    void durableServerWaitsForTheWalFlushOnEveryCommit() throws SQLException {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDir, 0, Durability.DURABLE)) {
            assertThat(show(server, "synchronous_commit")).isEqualTo("on");
            assertThat(show(server, "fsync")).isEqualTo("on");
            assertThat(show(server, "full_page_writes")).isEqualTo("on");
        }
    }

    @Test
    void plainStartKeepsTheFastTestSettingsAndADurableRestartOfTheSameClusterKeepsItsData() throws SQLException {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDir, 0)) {
            assertThat(show(server, "synchronous_commit")).isEqualTo("off");
            assertThat(show(server, "fsync")).isEqualTo("on");
            try (Connection c = connect(server); Statement s = c.createStatement()) {
                s.execute("create table kept (id int primary key)");
                s.execute("insert into kept values (42)");
            }
        }
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(dataDir, 0, Durability.DURABLE)) {
            assertThat(show(server, "synchronous_commit")).isEqualTo("on");
            try (Connection c = connect(server); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("select id from kept")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).isEqualTo(42);
            }
        }
    }

    private static String show(EmbeddedPostgresServer server, String setting) throws SQLException {
        try (Connection c = connect(server); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("show " + setting)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static Connection connect(EmbeddedPostgresServer server) throws SQLException {
        return DriverManager.getConnection(server.jdbcUrl("postgres"), EmbeddedPostgresServer.USERNAME, "");
    }
}
