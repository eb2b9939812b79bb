package io.upright.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docker-compose.yml cannot run on the build machines (no Docker), so this keeps it honest: every service it
 * names exists with a Dockerfile, listens on the port compose publishes, and reads every environment
 * variable compose sets.
 */
class DockerComposeConsistencyTest {

    private static final Path ROOT = ServiceSources.ROOT;
    private static final Set<String> INFRASTRUCTURE = Set.of("kafka", "postgres");

    private final JsonNode compose = readCompose();

    @Test
    void every_application_service_is_in_compose_and_every_compose_service_exists() {
        Set<String> composed = new HashSet<>();
        compose.get("services").fieldNames().forEachRemaining(composed::add);
        composed.removeAll(INFRASTRUCTURE);
        assertThat(composed).containsExactlyInAnyOrderElementsOf(LocalStack.DEFAULT_PORTS.keySet());
        for (String service : composed) {
            assertThat(ROOT.resolve("services").resolve(service).resolve("Dockerfile")).as(service + " Dockerfile").exists();
            assertThat(compose.at("/services/" + service + "/build").asText()).isEqualTo("services/" + service);
        }
    }

    @Test
    void each_service_listens_on_the_port_compose_publishes() throws IOException {
        for (Map.Entry<String, Integer> entry : LocalStack.DEFAULT_PORTS.entrySet()) {
            String service = entry.getKey();
            String port = String.valueOf(entry.getValue());
            assertThat(compose.at("/services/" + service + "/ports/0").asText()).isEqualTo(port + ":" + port);
            assertThat(ServiceSources.of(service).properties().getProperty("quarkus.http.port"))
                    .isEqualTo("${" + service.toUpperCase(Locale.ROOT) + "_HTTP_PORT:" + port + "}");
            assertThat(Files.readString(ROOT.resolve("services").resolve(service).resolve("Dockerfile")))
                    .contains("EXPOSE " + port);
        }
    }

    @Test
    void every_environment_variable_compose_sets_is_read_by_the_service() throws IOException {
        for (String service : LocalStack.DEFAULT_PORTS.keySet()) {
            ServiceSources sources = ServiceSources.of(service);
            Iterator<Map.Entry<String, JsonNode>> env = compose.at("/services/" + service + "/environment").fields();
            while (env.hasNext()) {
                String variable = env.next().getKey();
                assertThat(sources.reads(variable)).as(service + " reads " + variable).isTrue();
            }
            String jdbcUrl = compose.at("/services/" + service + "/environment/" + service.toUpperCase(Locale.ROOT) + "_JDBC_URL").asText();
            assertThat(jdbcUrl).endsWith("/" + service);
            assertThat(Files.readString(ROOT.resolve("deploy/compose/create-databases.sql"))).contains("create database " + service + ";");
        }
    }

    @Test
    void services_reach_kafka_on_the_listener_it_advertises() {
        String advertised = compose.at("/services/kafka/environment/KAFKA_ADVERTISED_LISTENERS").asText();
        Matcher m = Pattern.compile("PLAINTEXT://([^,]+)").matcher(advertised);
        assertThat(m.find()).isTrue();
        for (String service : LocalStack.DEFAULT_PORTS.keySet()) {
            assertThat(compose.at("/services/" + service + "/environment/KAFKA_BOOTSTRAP_SERVERS").asText()).isEqualTo(m.group(1));
        }
    }

    @Test
    void only_the_public_half_of_the_signing_key_reaches_the_services() {
        for (String service : LocalStack.DEFAULT_PORTS.keySet()) {
            String publicKey = compose.at("/services/" + service + "/environment/UPRIGHT_JWT_PUBLIC_KEY").asText();
            List<String> mounts = new java.util.ArrayList<>();
            compose.at("/services/" + service + "/volumes").forEach(v -> mounts.add(v.asText()));
            assertThat(mounts).as(service + " mounts").anySatisfy(m -> assertThat(m).endsWith(":" + publicKey + ":ro"));
            // a file, never the directory that holds the private key beside it
            assertThat(mounts).as(service + " mounts").noneSatisfy(m -> assertThat(m.split(":")[0]).endsWith(".upright/keys"));
            assertThat(mounts).as(service + " mounts").noneSatisfy(m -> assertThat(m).containsIgnoringCase("private"));
        }
    }

    @Test
    void every_secret_comes_from_the_uncommitted_env_file_named_in_its_example() throws IOException {
        String example = Files.readString(ROOT.resolve("deploy/compose/upright.env.example"));
        assertThat(Files.readAllLines(ROOT.resolve(".gitignore"))).contains(".env");
        Pattern secretName = Pattern.compile(".*(PASSWORD|SECRET|MASTER_KEY).*");
        Pattern fromEnvFile = Pattern.compile("\\$\\{([A-Z0-9_]+)(:[?-][^}]*)?}");
        compose.get("services").fields().forEachRemaining(service -> service.getValue().path("environment").fields().forEachRemaining(e -> {
            if (!secretName.matcher(e.getKey()).matches() || e.getKey().endsWith("_FILE")) {
                return; // a *_FILE names where a secret is kept (a volume), not the secret
            }
            Matcher m = fromEnvFile.matcher(e.getValue().asText());
            assertThat(m.matches()).as(service.getKey() + " " + e.getKey() + " is interpolated, not written here").isTrue();
            assertThat(example).as("deploy/compose/upright.env.example names " + m.group(1)).contains("\n" + m.group(1) + "=");
        }));
    }

    @Test
    void kafka_and_postgres_publish_no_port_unless_asked_for_debugging() throws IOException {
        for (String infrastructure : INFRASTRUCTURE) {
            assertThat(compose.at("/services/" + infrastructure + "/ports").isMissingNode()).as(infrastructure + " ports").isTrue();
        }
        JsonNode debugging = new ObjectMapper(new YAMLFactory()).readTree(ROOT.resolve("deploy/compose/publish-infrastructure.yml").toFile());
        for (String infrastructure : INFRASTRUCTURE) {
            debugging.at("/services/" + infrastructure + "/ports").forEach(port -> assertThat(port.asText()).startsWith("127.0.0.1:"));
        }
    }

    @Test
    void the_kafka_image_is_the_version_of_the_kafka_client_the_services_use() {
        String image = compose.at("/services/kafka/image").asText();
        assertThat(image).isEqualTo("apache/kafka:" + org.apache.kafka.common.utils.AppInfoParser.getVersion());
    }

    private static JsonNode readCompose() {
        try {
            return new ObjectMapper(new YAMLFactory()).readTree(ROOT.resolve("docker-compose.yml").toFile());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
