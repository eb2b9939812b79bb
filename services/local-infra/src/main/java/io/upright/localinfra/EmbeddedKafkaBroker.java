package io.upright.localinfra;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.common.utils.Time;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.ToIntFunction;

/**
 * A real single-node Apache Kafka broker in KRaft mode (combined broker and controller), run in this JVM
 * from the Kafka jars. Its log directory survives a restart when the caller passes a persistent one.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    private final KafkaRaftServer server;
    private final String bootstrapServers;

    private EmbeddedKafkaBroker(KafkaRaftServer server, String bootstrapServers) {
        this.server = server;
        this.bootstrapServers = bootstrapServers;
    }

    /**
     * Starts with the settings the tests have always had ({@link Durability#FAST}).
     *
     * @param dataDir log directory (formatted on first use, reused afterwards)
     * @param port    client port, 0 for any free one; a fixed port puts the controller on the next one, so a
     *                restart finds the same quorum address
     */
    public static EmbeddedKafkaBroker start(Path dataDir, int port) {
        return start(dataDir, port, Durability.FAST);
    }

    /**
     * @param dataDir    log directory (formatted on first use, reused afterwards)
     * @param port       client port, 0 for any free one; a fixed port puts the controller on the next one, so a
     *                   restart finds the same quorum address
     * @param durability broker-wide defaults, rewritten on every start; topics without their own overrides follow
     *                   them, so the same log directory can be started either way
     */
    public static EmbeddedKafkaBroker start(Path dataDir, int port, Durability durability) {
        int clientPort = FreePorts.orPick(port);
        int controllerPort = port > 0 ? port + 1 : FreePorts.pick();
        try {
            Path logDir = dataDir.resolve("logs");
            Files.createDirectories(logDir);
            Properties props = brokerProperties(logDir, clientPort, controllerPort, durability);
            Path configFile = dataDir.resolve("server.properties");
            try (Writer out = Files.newBufferedWriter(configFile)) {
                props.store(out, "Upright embedded Kafka broker");
            }
            if (!Files.exists(logDir.resolve("meta.properties"))) {
                format(configFile); // once: the cluster id is written into the log directory and kept
            }
            // the broker shares this JVM with the launcher or a test: a fatal error of Kafka's must fail the broker with
            // its reason, not end the whole process with System.exit/halt (Kafka's own test harness does the same)
            Exit.setExitProcedure((status, message) -> {
                throw new IllegalStateException("Kafka asked to exit with status " + status + ": " + message);
            });
            Exit.setHaltProcedure((status, message) -> {
                throw new IllegalStateException("Kafka asked to halt with status " + status + ": " + message);
            });
            KafkaRaftServer server = startServer(props, dataDir);
            EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(server, "127.0.0.1:" + clientPort);
            broker.awaitReady(Duration.ofSeconds(60));
            return broker;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare Kafka data directory " + dataDir, e);
        }
    }

    /**
     * Starts the server, and starts it again, up to {@link #START_ATTEMPTS} times, when a start fails: a fatal error of
     * Kafka's during a start on a log directory that was just shut down (CI met one, twice, in ChaosIT's broker restart:
     * Kafka asked to halt with status 1) is what a supervisor of a real broker would meet with a restart too. The
     * half-started server is shut down first, so its ports and its log directory's lock are free again; each failure
     * is printed with its cause, so a run that needed a second start says why.
     */
    private static KafkaRaftServer startServer(Properties props, Path dataDir) {
        RuntimeException failure = null;
        for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
            KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(props), Time.SYSTEM);
            try {
                server.startup();
                return server;
            } catch (RuntimeException e) {
                System.err.println("Kafka broker on " + dataDir + " failed to start (attempt " + attempt + " of "
                        + START_ATTEMPTS + "): " + e);
                e.printStackTrace();
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
                shutDownQuietly(server);
                sleep(2000);
            }
        }
        throw failure;
    }

    private static final int START_ATTEMPTS = 3;

    private static void shutDownQuietly(KafkaRaftServer server) {
        try {
            server.shutdown();
            server.awaitShutdown();
        } catch (RuntimeException e) {
            System.err.println("Kafka broker's shutdown after a failed start failed too: " + e);
        }
    }

    static Properties brokerProperties(Path logDir, int clientPort, int controllerPort, Durability durability) {
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + clientPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + clientPort);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("log.dirs", logDir.toAbsolutePath().toString());
        p.put("num.partitions", "3");
        // One broker, so one replica of everything. min.insync.replicas=1 is then the only possible value: with
        // acks=all a record is acknowledged once the single replica has it, and what keeps it across a crash is
        // the flush below, not a second copy. The internal topics (consumer offsets, transaction state) follow
        // the same rule so that a transactional or offset-committing client is never refused for want of replicas.
        p.put("default.replication.factor", "1");
        p.put("min.insync.replicas", "1");
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "3");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        // never elect a replica that may have missed records (Kafka's default; stated because it matters)
        p.put("unclean.leader.election.enable", "false");
        if (durability == Durability.DURABLE) {
            // With a single replica an acknowledged record that is only in the page cache dies with the machine.
            // Flush every append (all partitions, internal topics included) before the produce request is answered;
            // the time-based flush is a backstop for anything the message count does not catch.
            p.put("log.flush.interval.messages", "1");
            p.put("log.flush.interval.ms", "1000");
            p.put("log.flush.scheduler.interval.ms", "1000");
        }
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("auto.create.topics.enable", "true");
        // the topics are the system of record insights replays from: keep every record
        p.put("log.retention.ms", "-1");
        // committed offsets never expire, however long a service is down: losing them would re-read a topic from the
        // start, longer ago than the inbox remembers (docs/architecture.md, Retention)
        p.put("offsets.retention.minutes", String.valueOf(Integer.MAX_VALUE));
        return p;
    }

    private static void format(Path configFile) {
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int exit = StorageTool.execute(new String[]{
                "format", "-t", Uuid.randomUuid().toString(), "-c", configFile.toString(), "--ignore-formatted"},
                new PrintStream(output, true, StandardCharsets.UTF_8));
        if (exit != 0) {
            throw new IllegalStateException("Kafka storage format failed: " + output.toString(StandardCharsets.UTF_8));
        }
    }

    private void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        RuntimeException last = null;
        while (System.nanoTime() - deadline < 0) {
            try (Admin admin = admin()) {
                admin.describeCluster().nodes().get(5, TimeUnit.SECONDS);
                return;
            } catch (Exception e) {
                last = new IllegalStateException("Kafka broker not ready at " + bootstrapServers, e);
                sleep(200);
            }
        }
        throw last != null ? last : new IllegalStateException("Kafka broker not ready at " + bootstrapServers);
    }

    /** Creates the topics that do not exist yet. */
    public void createTopics(Collection<String> topics, int partitions) {
        ensureTopics(bootstrapServers, topics, partitions);
    }

    /**
     * Creates the topics that do not exist yet, each with its count from {@link TopicPartitions}. A topic that exists
     * keeps the count it has: adding partitions would move keys to other partitions, and one employee's records could
     * then be read out of order.
     */
    public void createTopics(Collection<String> topics) {
        ensureTopics(bootstrapServers, topics, TopicPartitions::of);
    }

    /** Creates the topics that do not exist yet on any broker. */
    public static void ensureTopics(String bootstrapServers, Collection<String> topics, int partitions) {
        ensureTopics(bootstrapServers, topics, topic -> partitions);
    }

    private static void ensureTopics(String bootstrapServers, Collection<String> topics, ToIntFunction<String> partitions) {
        try (Admin admin = admin(bootstrapServers)) {
            for (String topic : topics) {
                try {
                    admin.createTopics(List.of(new NewTopic(topic, partitions.applyAsInt(topic), (short) 1))).all().get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException("Cannot create topic " + topic, e.getCause());
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("Timed out creating topics", e);
        }
    }

    private Admin admin() {
        return admin(bootstrapServers);
    }

    private static Admin admin(String bootstrapServers) {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000));
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    @Override
    public void close() {
        server.shutdown();
        server.awaitShutdown();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
