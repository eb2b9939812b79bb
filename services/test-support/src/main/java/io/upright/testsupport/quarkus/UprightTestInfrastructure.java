package io.upright.testsupport.quarkus;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.upright.localinfra.DevTokens;
import io.upright.localinfra.Directories;
import io.upright.localinfra.EmbeddedKafkaBroker;
import io.upright.localinfra.EmbeddedPostgresServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Gives a service's {@code @QuarkusTest}s a real Kafka broker and a real PostgreSQL database, started once
 * per test JVM, or the running servers named by {@code KAFKA_BOOTSTRAP_SERVERS} and
 * {@code <DATABASE>_JDBC_URL} (with {@code <DATABASE>_DB_USERNAME} / {@code _DB_PASSWORD}).
 *
 * <p>Use as {@code @WithTestResource(value = UprightTestInfrastructure.class,
 * initArgs = @ResourceArg(name = "database", value = "programs"))}.
 */
public class UprightTestInfrastructure implements QuarkusTestResourceLifecycleManager {

    /** System properties survive the class loaders Quarkus creates per application start. */
    private static final String KAFKA_PROPERTY = "upright.test.kafka.bootstrap";
    private static final String POSTGRES_PROPERTY = "upright.test.postgres.port";

    private static EmbeddedKafkaBroker broker;
    private static volatile EmbeddedPostgresServer postgres;

    private String database = "upright";
    private List<String> topics = List.of();

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
        String topicList = initArgs.getOrDefault("topics", "");
        topics = topicList.isBlank() ? List.of() : List.of(topicList.split(","));
    }

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>();
        config.put("kafka.bootstrap.servers", kafka());
        String prefix = database.toUpperCase(Locale.ROOT);
        String externalUrl = System.getenv(prefix + "_JDBC_URL");
        if (externalUrl != null && !externalUrl.isBlank()) {
            config.put("quarkus.datasource.jdbc.url", externalUrl);
            config.put("quarkus.datasource.username", System.getenv().getOrDefault(prefix + "_DB_USERNAME", "postgres"));
            config.put("quarkus.datasource.password", System.getenv().getOrDefault(prefix + "_DB_PASSWORD", ""));
        } else {
            config.put("quarkus.datasource.jdbc.url", embeddedDatabase());
            config.put("quarkus.datasource.username", EmbeddedPostgresServer.USERNAME);
            config.put("quarkus.datasource.password", "");
        }
        // the key vault: a test runs one service, so the service's own database holds the vault's table too
        String externalVault = System.getenv("UPRIGHT_VAULT_JDBC_URL");
        boolean vaultOutside = externalVault != null && !externalVault.isBlank();
        config.put("quarkus.datasource.vault.jdbc.url", vaultOutside ? externalVault : config.get("quarkus.datasource.jdbc.url"));
        config.put("quarkus.datasource.vault.username", vaultOutside
                ? System.getenv().getOrDefault("UPRIGHT_VAULT_DB_USERNAME", "postgres") : config.get("quarkus.datasource.username"));
        config.put("quarkus.datasource.vault.password", vaultOutside
                ? System.getenv().getOrDefault("UPRIGHT_VAULT_DB_PASSWORD", "") : config.get("quarkus.datasource.password"));
        config.put("mp.jwt.verify.publickey.location", DevTokens.TEST_KEYS + "publicKey.pem");
        config.put("mp.jwt.verify.issuer", DevTokens.ISSUER);
        return config;
    }

    private synchronized String kafka() {
        String external = System.getenv("KAFKA_BOOTSTRAP_SERVERS");
        if (external != null && !external.isBlank()) {
            return external;
        }
        String running = System.getProperty(KAFKA_PROPERTY);
        if (running == null) {
            Path brokerDir = tempDir("upright-kafka");
            broker = EmbeddedKafkaBroker.start(brokerDir, 0);
            running = broker.bootstrapServers();
            System.setProperty(KAFKA_PROPERTY, running);
            EmbeddedKafkaBroker started = broker;
            Path dir = brokerDir;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                started.close();
                Directories.deleteQuietly(dir);
            }, "embedded-kafka-stop"));
        }
        if (!topics.isEmpty()) {
            // a fresh broker auto-creates topics too, but consumers then start before the partitions exist
            EmbeddedKafkaBroker.ensureTopics(running, topics, 3);
        }
        return running;
    }

    private synchronized String embeddedDatabase() {
        String port = System.getProperty(POSTGRES_PROPERTY);
        if (port == null) {
            Path postgresDir = tempDir("upright-postgres");
            postgres = EmbeddedPostgresServer.start(postgresDir, 0);
            int chosen = postgres.port();
            port = String.valueOf(chosen);
            System.setProperty(POSTGRES_PROPERTY, port);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                stopPostgres();
                Directories.deleteQuietly(postgresDir);
            }, "embedded-postgres-stop"));
            postgres.createDatabaseIfMissing(database);
            DatabaseOutage.register(UprightTestInfrastructure::stopPostgres, () -> startPostgres(postgresDir, chosen));
        } else if (postgres != null) {
            postgres.createDatabaseIfMissing(database);
        } else {
            EmbeddedPostgresServer.createDatabaseOn(Integer.parseInt(port), database);
        }
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    private static synchronized void stopPostgres() {
        if (postgres != null) {
            postgres.close();
            postgres = null;
        }
    }

    private static synchronized void startPostgres(Path dir, int port) {
        if (postgres == null) {
            postgres = EmbeddedPostgresServer.start(dir, port);
        }
    }

    private static Path tempDir(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        // shared by every application start in this JVM; the shutdown hooks stop them at the end
    }
}
