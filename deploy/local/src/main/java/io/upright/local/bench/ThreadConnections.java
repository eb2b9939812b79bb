package io.upright.local.bench;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

/**
 * What the platform's beans get as their {@code DataSource} in the benchmark, standing in for Agroal under Narayana:
 * one open connection per thread (a pool that never waits), and while the thread runs a {@link LocalTransactions}
 * transaction every {@code getConnection()} hands out that transaction's connection, whose {@code close()} leaves it
 * open, as an enlisted connection does. Outside a transaction {@code close()} returns the connection as a pool does:
 * an unfinished transaction rolled back, auto-commit on again.
 */
final class ThreadConnections implements DataSource, AutoCloseable {

    private final String url;
    private final String user;
    private final ThreadLocal<Connection> physical = new ThreadLocal<>();
    private final ThreadLocal<Boolean> inTransaction = ThreadLocal.withInitial(() -> false);
    private final List<Connection> opened = new ArrayList<>();

    ThreadConnections(String url, String user) {
        this.url = url;
        this.user = user;
    }

    /** This thread's connection itself (for the transaction's begin and commit, and for the raw JDBC baselines). */
    Connection physical() throws SQLException {
        Connection c = physical.get();
        if (c == null) {
            c = DriverManager.getConnection(url, user, "");
            physical.set(c);
            synchronized (opened) {
                opened.add(c);
            }
        }
        return c;
    }

    void begin() throws SQLException {
        physical().setAutoCommit(false);
        inTransaction.set(true);
    }

    void end() throws SQLException {
        inTransaction.set(false);
        physical().setAutoCommit(true);
    }

    @Override
    public Connection getConnection() throws SQLException {
        Connection c = physical();
        boolean enlisted = inTransaction.get();
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[]{Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("close") && method.getParameterCount() == 0) {
                        if (!enlisted) {
                            if (!c.getAutoCommit()) {
                                c.rollback();
                                c.setAutoCommit(true);
                            }
                        }
                        return null;
                    }
                    try {
                        return method.invoke(c, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return getConnection();
    }

    @Override
    public void close() {
        synchronized (opened) {
            for (Connection c : opened) {
                try {
                    c.close();
                } catch (SQLException e) {
                    // the server is going away with it
                }
            }
            opened.clear();
        }
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
    }

    @Override
    public void setLoginTimeout(int seconds) {
    }

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        throw new SQLException("not a wrapper");
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return false;
    }
}
