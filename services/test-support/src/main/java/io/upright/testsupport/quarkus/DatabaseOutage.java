package io.upright.testsupport.quarkus;

import javax.management.InstanceAlreadyExistsException;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import java.lang.management.ManagementFactory;

/**
 * Stops the embedded PostgreSQL that {@link UprightTestInfrastructure} started for this test JVM, for tests that prove
 * what happens while the database is away. The server is stopped for real (its process ends, every connection
 * breaks) and started again on the same port and data directory.
 *
 * <pre>
 * Runnable restart = DatabaseOutage.begin();
 * try { ... } finally { restart.run(); }
 * </pre>
 *
 * The control is a platform MBean: the server was started from the test resource's class loader, the test runs in
 * another one that Quarkus made, and the JVM's MBean server is the one place both reach without sharing a class.
 */
public final class DatabaseOutage {

    private static final String NAME = "io.upright.test:type=EmbeddedPostgres";

    /** The management interface; public as JMX requires. */
    public interface ControlMBean {
        void stop();

        void start();
    }

    public static final class Control implements ControlMBean {
        private final Runnable stop;
        private final Runnable start;

        Control(Runnable stop, Runnable start) {
            this.stop = stop;
            this.start = start;
        }

        @Override
        public void stop() {
            stop.run();
        }

        @Override
        public void start() {
            start.run();
        }
    }

    private DatabaseOutage() {
    }

    static void register(Runnable stop, Runnable start) {
        try {
            ManagementFactory.getPlatformMBeanServer().registerMBean(new Control(stop, start), new ObjectName(NAME));
        } catch (InstanceAlreadyExistsException e) {
            // one embedded server per JVM: the first registration stands
        } catch (JMException e) {
            throw new IllegalStateException("Cannot register the database control", e);
        }
    }

    /** Stops the database; running the returned action starts it again. */
    public static Runnable begin() {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        try {
            ObjectName name = new ObjectName(NAME);
            if (!server.isRegistered(name)) {
                throw new IllegalStateException("No embedded database to stop: the tests run against an external one");
            }
            server.invoke(name, "stop", new Object[0], new String[0]);
            return () -> {
                try {
                    server.invoke(name, "start", new Object[0], new String[0]);
                } catch (JMException e) {
                    throw new IllegalStateException("Cannot start the database again", e);
                }
            };
        } catch (JMException e) {
            throw new IllegalStateException("Cannot stop the database", e);
        }
    }
}
