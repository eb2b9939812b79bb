package io.upright.local.bench;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.config.WithDefault;
import io.upright.platform.eventstore.AggregateStore;
import io.upright.platform.eventstore.EventStore;
import io.upright.platform.outbox.Outbox;
import io.upright.platform.outbox.OutboxConfig;
import io.upright.platform.outbox.OutboxMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.inject.Inject;
import io.upright.platform.outbox.OutboxRelay;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The platform's own event store, aggregate store, outbox and outbox relay (the classes every service runs, from the
 * platform jar), wired as CDI wires them: the same fields set, the relay started and stopped through the same
 * lifecycle methods. Only the container around them is replaced: {@link ThreadConnections} and
 * {@link LocalTransactions} stand in for Agroal and Narayana, so the benchmark measures the platform's code and SQL,
 * not the transaction manager's bookkeeping. A renamed field or lifecycle method fails here at once, and so does an
 * injected field the harness does not set (the relay would otherwise fail on every batch and publish nothing), which
 * is why the tiny run in the build keeps this honest.
 */
final class PlatformHarness implements AutoCloseable {

    /** The Jackson settings Quarkus gives every service's {@code ObjectMapper} (ISO instants, unknown fields ignored). */
    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    final ThreadConnections connections;
    final LocalTransactions transactions;
    final EventStore eventStore = new EventStore();
    final AggregateStore aggregates = new AggregateStore();
    final Outbox outbox = new Outbox();
    final OutboxRelay relay = new OutboxRelay();
    private boolean relayStarted;

    /** @param kafka the broker the relay publishes to */
    PlatformHarness(String jdbcUrl, String user, String kafka) {
        connections = new ThreadConnections(jdbcUrl, user);
        transactions = new LocalTransactions(connections);
        Clock clock = Clock.systemUTC();
        inject(eventStore, "dataSource", connections);
        inject(eventStore, "json", JSON);
        inject(aggregates, "eventStore", eventStore);
        inject(outbox, "dataSource", connections);
        inject(outbox, "clock", clock);
        inject(outbox, "json", JSON);
        inject(outbox, "transactions", transactions);
        inject(outbox, "relay", relay);
        inject(relay, "dataSource", connections);
        inject(relay, "config", DEFAULT_OUTBOX);
        inject(relay, "kafkaConfig", Map.<String, Object>of("bootstrap.servers", kafka));
        inject(relay, "clock", clock);
        OutboxMetrics metrics = new OutboxMetrics();
        inject(metrics, "registry", new SimpleMeterRegistry());
        inject(metrics, "dataSource", connections);
        inject(metrics, "clock", clock);
        call(metrics, "register");
        inject(relay, "metrics", metrics);
        for (Object bean : List.of(eventStore, aggregates, outbox, relay, metrics)) {
            requireEveryInjectionSet(bean);
        }
    }

    /** One transaction on this thread's connection. */
    void inTransaction(LocalTransactions.Work work) throws Exception {
        transactions.run(work);
    }

    /** Starts the relay's loop as Quarkus does at start-up: its producer, then its thread. */
    void startRelay() {
        lifecycle("start", StartupEvent.class, new StartupEvent());
        relayStarted = true;
    }

    @Override
    public void close() {
        if (relayStarted) {
            lifecycle("stop", ShutdownEvent.class, new ShutdownEvent());
        }
        connections.close();
    }

    /** The platform's own migrations (its tables as every service has them), from its jar, in version order. */
    static void migrate(Connection c) throws IOException, SQLException {
        URL first = Outbox.class.getClassLoader().getResource("db/platform/V1__event_store_outbox_inbox.sql");
        if (first == null) {
            throw new IllegalStateException("The platform's migrations are not on the class path");
        }
        try {
            URI uri = first.toURI();
            if (uri.getScheme().equals("jar")) {
                try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
                    runScripts(c, jar.getPath("db/platform"));
                }
            } else {
                runScripts(c, Path.of(uri).getParent());
            }
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void runScripts(Connection c, Path dir) throws IOException, SQLException {
        List<Path> scripts;
        try (Stream<Path> files = Files.list(dir)) {
            scripts = files.filter(f -> f.getFileName().toString().matches("V\\d+__.*\\.sql"))
                    .sorted(Comparator.comparingInt(f -> Integer.parseInt(f.getFileName().toString().replaceAll("^V(\\d+)__.*", "$1"))))
                    .toList();
        }
        try (Statement s = c.createStatement()) {
            for (Path script : scripts) {
                s.execute(Files.readString(script));
            }
        }
    }

    /**
     * The relay's settings as every service runs them ({@code upright.outbox.*} is set nowhere): the defaults declared
     * on the platform's {@link OutboxConfig} itself, read from its annotations so a changed default is measured too.
     */
    private static final OutboxConfig DEFAULT_OUTBOX = (OutboxConfig) Proxy.newProxyInstance(OutboxConfig.class.getClassLoader(),
            new Class<?>[]{OutboxConfig.class}, (proxy, method, args) -> {
                if (method.getDeclaringClass() == Object.class) {
                    return method.getName().equals("equals") ? proxy == args[0]
                            : method.getName().equals("hashCode") ? System.identityHashCode(proxy) : "OutboxConfig (defaults)";
                }
                WithDefault declared = method.getAnnotation(WithDefault.class);
                if (declared == null) {
                    throw new IllegalStateException("OutboxConfig." + method.getName() + " has no default: update PlatformHarness");
                }
                Class<?> type = method.getReturnType();
                if (type == boolean.class) {
                    return Boolean.parseBoolean(declared.value());
                }
                if (type == int.class) {
                    return Integer.parseInt(declared.value());
                }
                if (type == Duration.class) {
                    return Duration.parse(declared.value());
                }
                throw new IllegalStateException("OutboxConfig." + method.getName() + " returns " + type + ": update PlatformHarness");
            });

    private static void inject(Object bean, String field, Object value) {
        try {
            Field f = bean.getClass().getDeclaredField(field);
            f.setAccessible(true);
            f.set(bean, value);
        } catch (NoSuchFieldException | IllegalAccessException e) {
            throw new IllegalStateException("The platform's " + bean.getClass().getSimpleName() + " no longer has the field "
                    + field + " the benchmark sets as CDI would: update PlatformHarness", e);
        }
    }

    /**
     * Injected fields the benchmarks never reach: every stored event is of its current version (no upcaster is asked
     * for), and no benchmark event is about one employee (nothing is sealed under an employee's key).
     */
    private static final java.util.Set<String> NOT_REACHED = java.util.Set.of("EventStore.upcasters", "Outbox.topicKeys");

    /** Fails when the platform gave a bean an injected field this harness does not set. */
    private static void requireEveryInjectionSet(Object bean) {
        for (Class<?> type = bean.getClass(); type != Object.class; type = type.getSuperclass()) {
            for (Field f : type.getDeclaredFields()) {
                if (!f.isAnnotationPresent(Inject.class) || NOT_REACHED.contains(type.getSimpleName() + "." + f.getName())) {
                    continue;
                }
                try {
                    f.setAccessible(true);
                    if (f.get(bean) == null) {
                        throw new IllegalStateException("The platform's " + bean.getClass().getSimpleName() + " injects "
                                + f.getName() + ", which the benchmark does not set: update PlatformHarness");
                    }
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    /** A bean's {@code @PostConstruct} method, called as CDI calls it. */
    private static void call(Object bean, String method) {
        try {
            Method m = bean.getClass().getDeclaredMethod(method);
            m.setAccessible(true);
            m.invoke(bean);
        } catch (NoSuchMethodException | IllegalAccessException e) {
            throw new IllegalStateException(bean.getClass().getSimpleName() + "." + method + "() is gone: update PlatformHarness", e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(bean.getClass().getSimpleName() + "." + method + " failed", e.getCause());
        }
    }

    private void lifecycle(String method, Class<?> event, Object argument) {
        try {
            Method m = OutboxRelay.class.getDeclaredMethod(method, event);
            m.setAccessible(true);
            m.invoke(relay, argument);
        } catch (NoSuchMethodException | IllegalAccessException e) {
            throw new IllegalStateException("OutboxRelay." + method + "(" + event.getSimpleName() + ") is gone: update PlatformHarness", e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("OutboxRelay." + method + " failed", e.getCause());
        }
    }
}
