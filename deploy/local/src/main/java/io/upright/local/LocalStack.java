package io.upright.local;

import io.upright.contracts.UprightService;
import io.upright.localinfra.DevTokens;
import io.upright.localinfra.Directories;
import io.upright.localinfra.KeycloakServer;
import io.upright.localinfra.Durability;
import io.upright.localinfra.EmbeddedKafkaBroker;
import io.upright.localinfra.EmbeddedPostgresServer;
import io.upright.localinfra.TopicPartitions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The whole system on one machine: a real KRaft Kafka broker and a real PostgreSQL (one database per
 * service) from Maven Central jars, and the five packaged services as separate JVMs. Used by the launcher
 * and by the end-to-end test.
 */
public final class LocalStack implements AutoCloseable {

    /** The five services in start order, with their default ports. */
    public static final Map<String, Integer> DEFAULT_PORTS = defaultPorts();

    /**
     * @param durability how PostgreSQL and Kafka keep what they acknowledged; {@link Durability#DURABLE} unless
     *                   a caller says otherwise, because that is what {@code ./upright up} promises
     */
    public record Options(Path repositoryRoot, Path home, int kafkaPort, int postgresPort,
                          Map<String, Integer> servicePorts, Duration reminderCadence, Durability durability) {

        public Options(Path repositoryRoot, Path home, int kafkaPort, int postgresPort,
                       Map<String, Integer> servicePorts, Duration reminderCadence) {
            this(repositoryRoot, home, kafkaPort, postgresPort, servicePorts, reminderCadence, Durability.DURABLE);
        }

        /** Random free ports everywhere: for tests that must not collide with a running system. */
        public static Options isolated(Path repositoryRoot, Path home, Duration reminderCadence) {
            Map<String, Integer> ports = new LinkedHashMap<>();
            DEFAULT_PORTS.keySet().forEach(service -> ports.put(service, freePort()));
            return new Options(repositoryRoot, home, 0, 0, ports, reminderCadence);
        }

        public Options withDurability(Durability chosen) {
            return new Options(repositoryRoot, home, kafkaPort, postgresPort, servicePorts, reminderCadence, chosen);
        }
    }

    /** The database of the key vault, shared by every service. */
    public static final String VAULT_DATABASE = "vault";

    private final Options options;
    private final List<ServiceProcess> services = new ArrayList<>();
    private EmbeddedPostgresServer postgres;
    private EmbeddedKafkaBroker kafka;
    private DevTokens tokens;
    private ServiceSupervisor supervisor;
    private boolean closed;
    /** Variables for one service's process on top of the stack's own (the demo's Slack app for reminders). */
    private final Map<String, Map<String, String>> extraEnvironment = new HashMap<>();
    /** Where Keycloak listens, when this stack runs one (null: dev tokens only). */
    private IdentityProviderPorts identityProviderPorts;
    private CompletableFuture<KeycloakServer> keycloakStarting;
    private KeycloakServer keycloak;
    private UprightRealm realm;

    /** Where the web front end listens, when this stack runs it (it needs the identity provider). */
    private Integer webPort;
    private ServiceProcess web;
    /** Why Keycloak or the web front end did not start, when they were asked for. */
    private Throwable signInFailure;
    /** False: {@link #start} brings up the infrastructure only, and {@link #startAlone} one service at a time. */
    private boolean servicesAtStart = true;

    /** Keycloak's public port and its management (health) port. */
    public record IdentityProviderPorts(int http, int management) {
    }

    public LocalStack(Options options) {
        this.options = options;
    }

    /** More environment variables for one service, set before {@link #start}: later ones win over the stack's own. */
    public LocalStack withEnvironment(String service, Map<String, String> variables) {
        extraEnvironment.computeIfAbsent(service, s -> new HashMap<>()).putAll(variables);
        return this;
    }

    /**
     * Runs Keycloak beside the services, its database on the stack's PostgreSQL, with the {@code upright} realm; every
     * service then accepts its tokens as well as dev tokens. Set before {@link #start}.
     */
    public LocalStack withIdentityProvider(IdentityProviderPorts ports) {
        this.identityProviderPorts = ports;
        return this;
    }

    /**
     * Runs the web front end (people sign in there through Keycloak) once Keycloak is ready: it reads the identity
     * provider's discovery document when it starts. Needs {@link #withIdentityProvider}; set before {@link #start}.
     */
    public LocalStack withWeb(int port) {
        this.webPort = port;
        return this;
    }

    /** The web front end's address for browsers: {@code http://localhost:<port>} (Keycloak sends people back there). */
    public String webUrl() {
        return webPort == null ? UprightRealm.DEFAULT_WEB_URL : "http://localhost:" + webPort;
    }

    /** Starts infrastructure and services and returns once every service reports ready. */
    public LocalStack start(Progress progress) {
        postgres = EmbeddedPostgresServer.start(options.home().resolve("postgres"), options.postgresPort(), options.durability());
        for (String service : options.servicePorts().keySet()) {
            postgres.createDatabaseIfMissing(service);
        }
        postgres.createDatabaseIfMissing(VAULT_DATABASE);
        progress.step("PostgreSQL " + postgres.jdbcUrl("<service>") + " ready (" + describe(options.durability(), "synchronous_commit=on, fsync=on", "synchronous_commit=off") + ")");
        // Keycloak takes longest to start: it starts first and runs while Kafka and the services come up
        keycloakStarting = identityProviderPorts == null ? null : CompletableFuture.supplyAsync(this::startKeycloak);

        kafka = EmbeddedKafkaBroker.start(options.home().resolve("kafka"), options.kafkaPort(), options.durability());
        List<String> topics = new ArrayList<>();
        for (UprightService service : UprightService.values()) {
            topics.add(service.topic());
            topics.add(service.deadLetterTopic());
        }
        kafka.createTopics(topics);
        progress.step("Kafka " + kafka.bootstrapServers() + " ready (KRaft, " + describe(options.durability(),
                "log flushed on every record", "flushes left to the OS") + ", topics " + String.join(", ",
                topics.stream().map(t -> t + " (" + TopicPartitions.of(t) + ")").toList()) + ")");

        Path keys = options.home().resolve("keys");
        tokens = DevTokens.inDirectory(keys);
        for (String service : servicesAtStart ? options.servicePorts().keySet() : List.<String>of()) {
            ServiceProcess process = serviceProcess(service);
            services.add(process);
            process.start();
        }
        for (ServiceProcess service : services) {
            service.awaitHealthy(Duration.ofSeconds(180));
            progress.step(service.name() + " healthy on " + service.baseUrl() + " (pid " + service.pid() + ")");
        }
        if (keycloakStarting != null) {
            try {
                startSignIn(progress);
            } catch (RuntimeException e) {
                // the services work without it (dev tokens); whoever needs sign-in asks identityProvider() and is told why
                signInFailure = e.getCause() != null && e instanceof java.util.concurrent.CompletionException ? e.getCause() : e;
                progress.step("Sign-in not available: " + signInFailure.getMessage());
            }
        }
        return this;
    }

    private ServiceProcess serviceProcess(String service) {
        int port = options.servicePorts().get(service);
        return new ServiceProcess(service, port,
                options.repositoryRoot().resolve("services").resolve(service).resolve("target/quarkus-app/quarkus-run.jar"),
                options.home().resolve("logs").resolve(service + ".log"),
                environment(service, port, DevTokens.keySetIn(options.home().resolve("keys"))));
    }

    /** Set before {@link #start}: it then brings up PostgreSQL (every service's database) and Kafka, but no service. */
    public LocalStack withoutServices() {
        this.servicesAtStart = false;
        return this;
    }

    /** A service {@link #startAlone} spawned: its process, where it listens, where its output goes. */
    public record Alone(long pid, String baseUrl, Path log) {
    }

    /**
     * Spawns one of the stack's services on the running infrastructure with {@code jit}, whatever its choice in
     * {@link JitChoice}, and returns without waiting for it: the start-up benchmark times each service alone under
     * each JIT. {@link #stopAlone} stops it again; its output is appended to its log.
     */
    public Alone startAlone(String service, JitChoice jit) {
        ServiceProcess process = serviceProcess(service);
        process.useJit(jit);
        services.add(process);
        process.start();
        return new Alone(process.pid(), process.baseUrl(), process.log());
    }

    /**
     * Starts a second instance of a running service, {@code <service>-2}, on a port of its own, with the same
     * environment, database and consumer groups (plus {@link #withEnvironment} for {@code <service>-2}), and waits until
     * it is ready: the two then share the work as two replicas behind a load balancer would. Its log is
     * {@code logs/<service>-2.log}.
     *
     * @return its name
     */
    public String startSecondInstance(String service) {
        if (!options.servicePorts().containsKey(service)) {
            throw new IllegalArgumentException("No service " + service + " in this stack");
        }
        String name = service + "-2";
        int port = freePort();
        Map<String, String> env = environment(service, port, DevTokens.keySetIn(options.home().resolve("keys")));
        env.putAll(extraEnvironment.getOrDefault(name, Map.of()));
        ServiceProcess process = new ServiceProcess(name, port,
                options.repositoryRoot().resolve("services").resolve(service).resolve("target/quarkus-app/quarkus-run.jar"),
                options.home().resolve("logs").resolve(name + ".log"), env);
        process.useJit(JitChoice.of(service, System.getenv())); // the service's own choice, not one for "<service>-2"
        services.add(process);
        process.start();
        process.awaitHealthy(Duration.ofSeconds(180));
        return name;
    }

    public void stopAlone(String service) {
        ServiceProcess process = services.stream().filter(s -> s.name().equals(service)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No service " + service + " running"));
        process.stop();
        services.remove(process);
    }

    private void startSignIn(Progress progress) {
        keycloak = keycloakStarting.join();
        realm = UprightRealm.ensure(keycloak, options.home().resolve("keys"), webUrl(),
                options.repositoryRoot().resolve("deploy/keycloak/upright-realm.json"));
        progress.step("Keycloak " + keycloak.baseUrl() + " ready (realm " + UprightRealm.NAME + ", its database on PostgreSQL)");
        if (webPort != null) {
            web = new ServiceProcess("web", webPort,
                    options.repositoryRoot().resolve("services/web/target/quarkus-app/quarkus-run.jar"),
                    options.home().resolve("logs/web.log"), webEnvironment());
            web.start();
            web.awaitHealthy(Duration.ofSeconds(120));
            progress.step("web healthy on " + webUrl() + " (pid " + web.pid() + ")");
        }
    }

    private KeycloakServer startKeycloak() {
        postgres.createDatabaseIfMissing("keycloak");
        return KeycloakServer.start(new KeycloakServer.Options(Directories.cache(), options.home().resolve("keycloak"),
                identityProviderPorts.http(), identityProviderPorts.management(), postgres.jdbcUrl("keycloak"),
                EmbeddedPostgresServer.USERNAME, ""), Duration.ofMinutes(5));
    }

    private Map<String, String> webEnvironment() {
        Map<String, String> env = new HashMap<>();
        env.put("UPRIGHT_WEB_HTTP_PORT", String.valueOf(webPort));
        env.put("UPRIGHT_IDENTITY_PROVIDER_ISSUER", realm.issuer());
        env.put("UPRIGHT_WEB_CLIENT_SECRET", realm.webClientSecret());
        try {
            env.put("UPRIGHT_WEB_STATE_SECRET", io.upright.localinfra.LocalSecrets.readOrCreate(
                    options.home().resolve("keys/web-state-secret"), 32));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        options.servicePorts().forEach((service, port) ->
                env.put("UPRIGHT_" + ServiceProcess.envPrefix(service) + "_URL", "http://127.0.0.1:" + port));
        // the key it signs sign-in link sessions with, kept with the other local keys so a restart keeps them valid
        io.upright.localinfra.DevTokens.inDirectory(options.home().resolve("keys/web-sign-in-links"));
        env.put("UPRIGHT_SIGN_IN_LINKS_ISSUER", signInLinksIssuer());
        env.put("UPRIGHT_WEB_LINK_SIGNING_KEY_FILE", options.home().resolve("keys/web-sign-in-links/privateKey.pem").toAbsolutePath().toString());
        return env;
    }

    /** The issuer of the web front end's tokens for people signed in with a sign-in link. */
    private String signInLinksIssuer() {
        return webUrl() + "/sign-in-links";
    }

    /** The stack's Keycloak realm, when it runs one. */
    public Optional<UprightRealm> identityProvider() {
        return Optional.ofNullable(realm);
    }

    /** The stack's Keycloak realm; fails with the reason when it was asked for and could not start. */
    public UprightRealm requireIdentityProvider() {
        if (realm == null) {
            throw new IllegalStateException("No identity provider: " + (signInFailure == null ? "not asked for" : signInFailure.getMessage()),
                    signInFailure);
        }
        return realm;
    }

    private Map<String, String> environment(String service, int port, Path verificationKeys) {
        String prefix = ServiceProcess.envPrefix(service);
        Map<String, String> env = new HashMap<>();
        env.put(prefix + "_HTTP_PORT", String.valueOf(port));
        env.put(prefix + "_JDBC_URL", postgres.jdbcUrl(service));
        env.put(prefix + "_DB_USERNAME", EmbeddedPostgresServer.USERNAME);
        // the key vault every service shares: the per-employee keys sealing health and workday events on the topics
        env.put("UPRIGHT_VAULT_JDBC_URL", postgres.jdbcUrl(VAULT_DATABASE));
        env.put("UPRIGHT_VAULT_DB_USERNAME", EmbeddedPostgresServer.USERNAME);
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        // insights publishes closed weeks when HR reads them, not on a timer: a demo imported with six weeks of
        // history must reach insights before those weeks are published, or they would be published empty for good
        env.put("UPRIGHT_INSIGHTS_SNAPSHOT_EVERY", "off");
        // a key set, so ./upright keys can roll the signing key while tokens of the previous one stay valid
        env.put("UPRIGHT_JWT_PUBLIC_KEY", verificationKeys.toAbsolutePath().toString());
        env.put("UPRIGHT_JWT_ISSUER", DevTokens.ISSUER);
        if (identityProviderPorts != null) {
            // the services check its tokens against the keys Keycloak publishes (fetched when the first one arrives)
            env.put("UPRIGHT_IDENTITY_PROVIDER_ISSUER", "http://localhost:" + identityProviderPorts.http() + "/realms/" + UprightRealm.NAME);
        }
        if (webPort != null) {
            // people the web front end signs in with a sign-in link: its tokens, its keys (fetched when the first arrives)
            env.put("UPRIGHT_SIGN_IN_LINKS_ISSUER", signInLinksIssuer());
            env.put("UPRIGHT_SIGN_IN_LINKS_JWKS_URL", "http://127.0.0.1:" + webPort + "/sign-in-links/jwks");
            // where /upright check's links lead
            env.put("UPRIGHT_REMINDERS_WEB_BASE_URL", webUrl());
        }
        // the local webhook inbox listens on loopback, which production refuses (SSRF guard)
        env.put("UPRIGHT_REMINDERS_ALLOW_PRIVATE_WEBHOOKS", "true");
        env.put("UPRIGHT_REMINDERS_DEFAULT_CADENCE", options.reminderCadence().toString());
        // the demo's pace: every employee is reminded at this cadence, whatever their program phase asks for
        env.put("UPRIGHT_REMINDERS_CADENCE_OVERRIDE", options.reminderCadence().toString());
        // where the answer links on Teams cards point: this machine's reminders service
        Integer remindersPort = options.servicePorts().get("reminders");
        if (remindersPort != null) {
            env.put("UPRIGHT_REMINDERS_PUBLIC_BASE_URL", "http://127.0.0.1:" + remindersPort);
        }
        // the key that encrypts stored webhook secrets lives with the rest of the local state
        env.put("UPRIGHT_REMINDERS_SECRET_KEY_FILE", options.home().resolve("keys/reminders-webhook-secrets.key").toAbsolutePath().toString());
        // programs seals names, emails and chat handles with per-employee keys wrapped by this master key
        env.put("UPRIGHT_CRYPTO_MASTER_KEY_FILE", personalDataMasterKey().toString());
        // programs gathers every other service's part of a person's data export
        List<String> exportSources = new ArrayList<>();
        options.servicePorts().forEach((other, otherPort) -> {
            if (!other.equals("programs")) {
                exportSources.add(other + "=http://127.0.0.1:" + otherPort);
            }
        });
        env.put("UPRIGHT_PROGRAMS_EXPORT_SOURCES", String.join(",", exportSources));
        env.putAll(extraEnvironment.getOrDefault(service, Map.of()));
        return env;
    }

    /** Created once with the rest of the local state and kept: losing it would make every sealed name unreadable. */
    private Path personalDataMasterKey() {
        Path file = options.home().resolve("keys/personal-data-master.key").toAbsolutePath();
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                byte[] key = new byte[32];
                new SecureRandom().nextBytes(key);
                Files.writeString(file, Base64.getEncoder().encodeToString(key));
                try {
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException e) {
                    // not a POSIX file system: the directory's own protection has to do
                }
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + file, e);
        }
    }

    private static String describe(Durability durability, String durable, String fast) {
        return durability == Durability.DURABLE ? durable : fast;
    }

    /**
     * From now on restarts a service whose process exits, as {@link ServiceSupervisor} describes, until
     * {@link #close()}. {@code ./upright up} asks for it; the end-to-end tests and the start-up and reminder
     * benchmarks do not, because there a service that dies should fail the run.
     *
     * @param report   one line per exit, restart and recovery
     * @param onGiveUp called once when a service crashed too often to go on
     */
    public void supervise(Consumer<String> report, Consumer<String> onGiveUp) {
        supervise(RestartPolicy::standard, report, onGiveUp);
    }

    /** @param policies one new policy per service: each counts its own crashes */
    void supervise(Supplier<RestartPolicy> policies, Consumer<String> report, Consumer<String> onGiveUp) {
        synchronized (this) {
            if (closed) {
                return;
            }
            supervisor = new ServiceSupervisor(services, policies, Clock.systemUTC(), report, onGiveUp).watch();
        }
    }

    public String baseUrl(String service) {
        return services.stream().filter(s -> s.name().equals(service)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No service " + service)).baseUrl();
    }

    public List<String> serviceNames() {
        return services.stream().map(ServiceProcess::name).toList();
    }

    public Map<String, Long> pids() {
        Map<String, Long> pids = new LinkedHashMap<>();
        services.forEach(s -> pids.put(s.name(), s.pid()));
        return pids;
    }

    public String jdbcUrl(String service) {
        return postgres.jdbcUrl(service);
    }

    /**
     * Waits until the consumer group has read every record now on the given topics (its lag is zero on each
     * partition, three times in a row half a second apart, so the outboxes' last records are in too).
     *
     * @return whether it caught up within {@code timeout}
     */
    public boolean awaitConsumed(String group, List<String> topics, Duration timeout) {
        java.util.Properties config = new java.util.Properties();
        config.put(org.apache.kafka.clients.admin.AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        long deadline = System.nanoTime() + timeout.toNanos();
        try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(config)) {
            int quiet = 0;
            while (System.nanoTime() < deadline) {
                Map<org.apache.kafka.common.TopicPartition, org.apache.kafka.clients.admin.OffsetSpec> latest = new HashMap<>();
                admin.describeTopics(topics).allTopicNames().get().forEach((topic, description) ->
                        description.partitions().forEach(p -> latest.put(new org.apache.kafka.common.TopicPartition(topic, p.partition()),
                                org.apache.kafka.clients.admin.OffsetSpec.latest())));
                var ends = admin.listOffsets(latest).all().get();
                var committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
                boolean caughtUp = ends.entrySet().stream().allMatch(e -> {
                    var offset = committed.get(e.getKey());
                    return e.getValue().offset() == 0 || (offset != null && offset.offset() >= e.getValue().offset());
                });
                quiet = caughtUp ? quiet + 1 : 0;
                if (quiet >= 3) {
                    return true;
                }
                Thread.sleep(500);
            }
            return false;
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("Cannot read the offsets of consumer group " + group, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    // ---- faults, for the chaos harness

    /** {@code kill -9} of one service; the supervisor, if watching, starts it again. */
    void kill(String service) {
        services.stream().filter(s -> s.name().equals(service)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No service " + service)).kill();
    }

    /** No more restarts from now on: what stops next stays stopped. */
    void stopSupervising() {
        synchronized (this) {
            if (supervisor != null) {
                supervisor.close();
                supervisor = null;
            }
        }
    }

    /** Stops a service cleanly and starts it again with some environment variables changed. */
    void restart(String service, Map<String, String> variables) {
        ServiceProcess process = services.stream().filter(s -> s.name().equals(service)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No service " + service));
        process.stop();
        process.override(variables);
        process.start();
        process.awaitHealthy(Duration.ofSeconds(180));
    }

    /** Whether every service answers its readiness check. */
    boolean allHealthy() {
        return services.stream().allMatch(ServiceProcess::healthy);
    }

    /** Stops the Kafka broker and starts it again on the same port and log directory. */
    synchronized void restartKafka() {
        int port = Integer.parseInt(kafka.bootstrapServers().substring(kafka.bootstrapServers().lastIndexOf(':') + 1));
        kafka.close();
        kafka = EmbeddedKafkaBroker.start(options.home().resolve("kafka"), port, options.durability());
    }

    /**
     * {@code kill -9} of PostgreSQL's postmaster and every backend it forked (as a crash of the machine's database
     * would), then a start on the same data directory and port after {@code down}: PostgreSQL recovers from its WAL.
     */
    synchronized void crashPostgres(Duration down) {
        Path dataDir = options.home().resolve("postgres");
        int port = postgres.port();
        long pid;
        try {
            pid = Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).trim());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read PostgreSQL's pid", e);
        }
        ProcessHandle postmaster = ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException("No PostgreSQL process " + pid));
        List<ProcessHandle> all = new ArrayList<>(postmaster.descendants().toList());
        all.add(0, postmaster);
        all.forEach(ProcessHandle::destroyForcibly);
        all.forEach(p -> p.onExit().join());
        // the old handle holds the data directory's lock in this JVM; its stop finds nothing to stop
        try {
            postgres.close();
        } catch (RuntimeException e) {
            // expected: the server is already gone
        }
        sleep(down);
        postgres = EmbeddedPostgresServer.start(dataDir, port, options.durability());
    }

    /**
     * One service's database refuses connections for {@code outage} and its open ones are cut: that service sees its
     * database gone, the others carry on. Blocks until the database is back.
     */
    void databaseOutage(String database, Duration outage) {
        String admin = postgres.jdbcUrl("postgres");
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(admin, EmbeddedPostgresServer.USERNAME, "");
             java.sql.Statement s = c.createStatement()) {
            // the name comes from the fixed list of services
            s.execute("alter database " + database + " with allow_connections false");
            s.execute("select pg_terminate_backend(pid) from pg_stat_activity where datname = '" + database + "'");
            sleep(outage);
            s.execute("alter database " + database + " with allow_connections true");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("Cannot take database " + database + " away", e);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    public DevTokens tokens() {
        return tokens;
    }

    public Path home() {
        return options.home();
    }

    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            // before any service is stopped, or stopping them would look like crashes and start them again
            if (supervisor != null) {
                supervisor.close();
            }
        }
        // services first, so nothing writes to a broker or database that is going away
        if (web != null) {
            web.stop();
        }
        services.parallelStream().forEach(ServiceProcess::stop);
        if (keycloakStarting != null) {
            try {
                keycloakStarting.join().close();
            } catch (RuntimeException e) {
                // it never started: nothing to stop
            }
        }
        if (kafka != null) {
            kafka.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    /** Reports start-up progress to whoever is waiting. */
    public interface Progress {
        void step(String message);
    }

    private static Map<String, Integer> defaultPorts() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("programs", 8081);
        ports.put("assessments", 8082);
        ports.put("exercises", 8083);
        ports.put("reminders", 8084);
        ports.put("insights", 8085);
        return java.util.Collections.unmodifiableMap(ports);
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
