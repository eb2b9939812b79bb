package io.upright.local;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.BeanDeserializerBuilder;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.upright.contracts.UprightService;
import io.upright.localinfra.TopicPartitions;
import org.apache.kafka.common.utils.AppInfoParser;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Issue 18: deploy/k8s cannot be applied here (no cluster), so this renders each overlay and checks what a cluster
 * and its operators would check, and what keeps the manifests in step with docker-compose.yml and the services.
 */
class KubernetesManifestsTest {

    private static final Path ROOT = ServiceSources.ROOT;
    private static final Path K8S = ROOT.resolve("deploy/k8s");
    private static final List<String> OVERLAYS = List.of("dev", "prod");
    private static final Set<String> AUTOSCALED = Set.of("web", "programs", "assessments", "exercises");
    private static final Pattern SECRET_NAME = Pattern.compile(".*(PASSWORD|SECRET|MASTER_KEY).*");
    private static final String KAFKA_BROKERS = "pods{strimzi.io/broker-role=true,strimzi.io/cluster=upright}";
    /** Where traces go (OTLP/gRPC): any pod of a namespace labelled as the OpenTelemetry collector's. */
    private static final String OTEL_COLLECTOR = "namespace{upright.io/otel-collector=true} TCP/4317";

    /** The built-in kinds deploy/k8s uses and their fabric8 classes; anything else must be a vendored CRD's. */
    private static final Map<String, Class<? extends HasMetadata>> MODEL = Map.of(
            "v1/ConfigMap", ConfigMap.class,
            "v1/Service", Service.class,
            "v1/ServiceAccount", ServiceAccount.class,
            "apps/v1/Deployment", Deployment.class,
            "policy/v1/PodDisruptionBudget", PodDisruptionBudget.class,
            "autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class,
            "networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class);

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper STRICT = strictModel();
    private static final Map<String, List<ObjectNode>> RENDERED = new LinkedHashMap<>();

    static {
        OVERLAYS.forEach(overlay -> RENDERED.put(overlay, KustomizeRenderer.render(K8S.resolve("overlays").resolve(overlay))));
    }

    @Test
    void each_overlay_renders_into_uniquely_named_objects_in_its_namespace() {
        Map<String, String> namespaces = Map.of("dev", "upright-dev", "prod", "upright");
        RENDERED.forEach((overlay, objects) -> {
            assertThat(objects).as(overlay).hasSizeGreaterThan(40);
            assertThat(objects.stream().map(KubernetesManifestsTest::key).distinct().count()).as(overlay + " unique").isEqualTo(objects.size());
            assertThat(objects).as(overlay).allSatisfy(o -> assertThat(o.at("/metadata/namespace").asText()).isEqualTo(namespaces.get(overlay)));
        });
    }

    @Test
    void the_renderer_renders_each_overlay_as_kubectl_kustomize_does() throws Exception {
        Path kubectl = onPath("kubectl");
        assumeTrue(kubectl != null, "kubectl is not on the PATH: the overlays are rendered by KustomizeRenderer alone, whose "
                + "fidelity is proven only where kubectl is installed");
        for (String overlay : OVERLAYS) {
            Process process = new ProcessBuilder(kubectl.toString(), "kustomize", K8S.resolve("overlays").resolve(overlay).toString())
                    .redirectErrorStream(false).start();
            byte[] output = process.getInputStream().readAllBytes();
            String errors = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).as(overlay + ": " + errors).isZero();
            Path rendered = Files.createTempFile("kubectl-kustomize-" + overlay, ".yaml");
            try {
                Files.write(rendered, output);
                Map<String, JsonNode> theirs = byKey(KustomizeRenderer.readDocuments(rendered));
                Map<String, JsonNode> ours = byKey(RENDERED.get(overlay));
                assertThat(ours.keySet()).as(overlay + " objects").isEqualTo(theirs.keySet());
                ours.forEach((key, object) -> assertThat(object).as(overlay + " " + key).isEqualTo(theirs.get(key)));
            } finally {
                Files.delete(rendered);
            }
        }
    }

    @Test
    void the_renderer_refuses_kustomize_features_it_does_not_render() throws IOException {
        Path directory = Files.createTempDirectory("kustomization");
        try {
            Files.writeString(directory.resolve("kustomization.yaml"), "resources: []\nnamePrefix: upright-\n");
            assertThatThrownBy(() -> KustomizeRenderer.render(directory)).hasMessageContaining("namePrefix");
        } finally {
            Files.delete(directory.resolve("kustomization.yaml"));
            Files.delete(directory);
        }
    }

    @Test
    void every_built_in_object_parses_into_the_fabric8_model_with_no_unknown_field() {
        RENDERED.forEach((overlay, objects) -> {
            for (ObjectNode object : objects) {
                Class<? extends HasMetadata> type = MODEL.get(object.path("apiVersion").asText() + "/" + object.path("kind").asText());
                if (type == null) {
                    assertThat(crdFor(object)).as(overlay + " " + key(object) + ": a built-in kind the test knows, or a vendored CRD's").isNotNull();
                    parse(object.get("metadata"), ObjectMeta.class);
                } else {
                    HasMetadata parsed = parse(object, type);
                    assertThat(parsed.getMetadata().getName()).isEqualTo(object.at("/metadata/name").asText());
                }
            }
        });
    }

    @Test
    void a_misspelt_field_fails_the_strict_parse() {
        ObjectNode deployment = first("prod", "Deployment", "programs").deepCopy();
        assertThat(parse(deployment, Deployment.class).getSpec().getReplicas()).isEqualTo(2);
        ((ObjectNode) deployment.get("spec")).put("replica", 2);
        assertThatThrownBy(() -> parse(deployment, Deployment.class)).hasMessageContaining("replica");
        ObjectNode probe = first("prod", "Deployment", "programs").deepCopy();
        ((ObjectNode) probe.at("/spec/template/spec/containers/0/livenessProbe")).put("path", "/q/health/live");
        assertThatThrownBy(() -> parse(probe, Deployment.class)).hasMessageContaining("path");
    }

    @Test
    void every_custom_resource_is_admitted_by_its_vendored_crd() {
        RENDERED.forEach((overlay, objects) -> {
            for (ObjectNode object : objects) {
                if (!MODEL.containsKey(object.path("apiVersion").asText() + "/" + object.path("kind").asText())) {
                    assertThat(crdFor(object).validate(object)).as(overlay + " " + key(object)).isEmpty();
                }
            }
        });
        Set<String> kinds = RENDERED.get("prod").stream().map(o -> o.path("kind").asText()).collect(Collectors.toSet());
        assertThat(kinds).contains("Kafka", "KafkaNodePool", "KafkaTopic", "Cluster", "ServiceMonitor", "PrometheusRule");
    }

    @Test
    void the_crd_check_refuses_unknown_fields_wrong_types_missing_required_fields_and_values_outside_an_enum() {
        ObjectNode kafka = first("prod", "Kafka", "upright").deepCopy();
        ((ObjectNode) kafka.at("/spec/kafka")).put("replicas", 3);
        assertThat(crdFor(kafka).validate(kafka)).anySatisfy(e -> assertThat(e).contains(".spec.kafka.replicas: unknown field"));

        ObjectNode topic = first("prod", "KafkaTopic", "upright.programs").deepCopy();
        ((ObjectNode) topic.get("spec")).put("partitions", "six");
        assertThat(crdFor(topic).validate(topic)).anySatisfy(e -> assertThat(e).contains(".spec.partitions: string, not integer"));

        ObjectNode cluster = first("prod", "Cluster", "programs-db").deepCopy();
        ((ObjectNode) cluster.get("spec")).remove("instances");
        assertThat(crdFor(cluster).validate(cluster)).anySatisfy(e -> assertThat(e).contains(".spec.instances: required"));

        ObjectNode pool = first("prod", "KafkaNodePool", "dual-role").deepCopy();
        ((ObjectNode) pool.get("spec")).putArray("roles").add("leader");
        assertThat(crdFor(pool).validate(pool)).anySatisfy(e -> assertThat(e).contains(".spec.roles[0]: \"leader\" is not one of"));

        ObjectNode monitor = first("prod", "ServiceMonitor", "upright").deepCopy();
        ((ObjectNode) monitor.at("/spec/endpoints/0")).put("interval", "30 seconds");
        assertThat(crdFor(monitor).validate(monitor)).anySatisfy(e -> assertThat(e).contains(".spec.endpoints[0].interval: '30 seconds' does not match"));

        ObjectNode rule = first("prod", "PrometheusRule", "upright").deepCopy();
        ((ObjectNode) rule.get("spec")).put("group", "upright");
        assertThat(crdFor(rule).validate(rule)).anySatisfy(e -> assertThat(e).contains(".spec.group: unknown field"));

        ObjectNode wrongVersion = first("prod", "KafkaTopic", "upright.programs").deepCopy().put("apiVersion", "kafka.strimzi.io/v1alpha9");
        assertThat(crdFor(wrongVersion).validate(wrongVersion)).isNotEmpty();
    }

    @Test
    void every_crd_is_vendored_with_its_source_repository_commit_and_version() throws IOException {
        String readme = Files.readString(K8S.resolve("crds/README.md"));
        try (Stream<Path> files = Files.list(K8S.resolve("crds"))) {
            List<Path> crds = files.filter(f -> f.toString().endsWith(".yaml")).toList();
            assertThat(crds).hasSize(6);
            for (Path crd : crds) {
                assertThat(readme).as("crds/README.md names " + crd.getFileName()).contains(crd.getFileName().toString());
                assertThat(CrdSchema.load(crd).kind()).isNotBlank();
            }
        }
        assertThat(readme).containsPattern("[0-9a-f]{40}");
    }

    @Test
    void every_deployment_has_startup_readiness_and_liveness_probes_on_quarkus_health_and_bounded_resources() {
        RENDERED.forEach((overlay, objects) -> {
            for (Deployment deployment : typed(objects, Deployment.class)) {
                String name = deployment.getMetadata().getName();
                Container container = onlyContainer(deployment);
                Set<String> namedPorts = container.getPorts().stream().map(p -> p.getName()).collect(Collectors.toSet());
                assertHealthProbe(overlay + " " + name + " startup", container.getStartupProbe(), "/q/health/started", namedPorts);
                assertHealthProbe(overlay + " " + name + " readiness", container.getReadinessProbe(), "/q/health/ready", namedPorts);
                assertHealthProbe(overlay + " " + name + " liveness", container.getLivenessProbe(), "/q/health/live", namedPorts);
                for (String resource : List.of("cpu", "memory")) {
                    Quantity request = container.getResources().getRequests().get(resource);
                    Quantity limit = container.getResources().getLimits().get(resource);
                    assertThat(request).as(overlay + " " + name + " requests " + resource).isNotNull();
                    assertThat(limit).as(overlay + " " + name + " limits " + resource).isNotNull();
                    assertThat(request.getNumericalAmount()).as(overlay + " " + name + " " + resource).isLessThanOrEqualTo(limit.getNumericalAmount());
                }
            }
        });
    }

    @Test
    void every_deployment_has_a_disruption_budget_and_the_stateless_ones_an_autoscaler() {
        RENDERED.forEach((overlay, objects) -> {
            List<PodDisruptionBudget> budgets = typed(objects, PodDisruptionBudget.class);
            List<HorizontalPodAutoscaler> autoscalers = typed(objects, HorizontalPodAutoscaler.class);
            Set<String> scaled = new TreeSet<>();
            for (HorizontalPodAutoscaler hpa : autoscalers) {
                assertThat(hpa.getSpec().getScaleTargetRef().getKind()).isEqualTo("Deployment");
                scaled.add(hpa.getSpec().getScaleTargetRef().getName());
                assertThat(hpa.getSpec().getMinReplicas()).isLessThan(hpa.getSpec().getMaxReplicas());
                assertThat(hpa.getSpec().getMaxReplicas()).as("no more instances than a busy topic has partitions")
                        .isLessThanOrEqualTo(TopicPartitions.BUSY);
            }
            assertThat(scaled).as(overlay + " autoscaled").isEqualTo(new TreeSet<>(AUTOSCALED));
            for (Deployment deployment : typed(objects, Deployment.class)) {
                String name = deployment.getMetadata().getName();
                Map<String, String> podLabels = deployment.getSpec().getTemplate().getMetadata().getLabels();
                List<PodDisruptionBudget> covering = budgets.stream()
                        .filter(b -> podLabels.entrySet().containsAll(b.getSpec().getSelector().getMatchLabels().entrySet())).toList();
                assertThat(covering).as(overlay + " " + name + " disruption budget").hasSize(1);
                // maxUnavailable, not minAvailable: a single dev instance must not block a node drain forever
                assertThat(covering.get(0).getSpec().getMaxUnavailable().getIntVal()).isEqualTo(1);
                int replicas = deployment.getSpec().getReplicas();
                assertThat(replicas).as(overlay + " " + name + " replicas").isEqualTo(overlay.equals("prod") ? 2 : 1);
                autoscalers.stream().filter(h -> h.getSpec().getScaleTargetRef().getName().equals(name)).forEach(h ->
                        assertThat(h.getSpec().getMinReplicas()).as(overlay + " " + name + " minReplicas").isEqualTo(replicas));
            }
        });
    }

    @Test
    void containers_listen_on_the_ports_of_the_services_and_of_compose() throws IOException {
        JsonNode compose = YAML.readTree(ROOT.resolve("docker-compose.yml").toFile());
        RENDERED.forEach((overlay, objects) -> {
            Map<String, Integer> ports = containerPorts(objects);
            assertThat(ports.keySet()).as(overlay + " deployments").containsExactlyInAnyOrderElementsOf(allApplications());
            ports.forEach((name, port) -> {
                ServiceSources sources = ServiceSources.of(name);
                assertThat(port).as(name + " port").isEqualTo(sources.defaultHttpPort());
                assertThat(env(first(objects, Deployment.class, name)).get(sources.httpPortVariable())).as(name + " port variable")
                        .isEqualTo(String.valueOf(port));
                Service service = first(objects, Service.class, name);
                assertThat(service.getSpec().getPorts()).singleElement().satisfies(p -> {
                    assertThat(p.getPort()).isEqualTo(port);
                    assertThat(p.getName()).isEqualTo("http");
                    assertThat(p.getTargetPort().getStrVal()).isEqualTo("http");
                });
                if (LocalStack.DEFAULT_PORTS.containsKey(name)) {
                    assertThat(port).isEqualTo(LocalStack.DEFAULT_PORTS.get(name));
                    assertThat(compose.at("/services/" + name + "/ports/0").asText()).isEqualTo(port + ":" + port);
                }
            });
        });
    }

    @Test
    void every_environment_variable_a_deployment_sets_is_read_by_its_service_and_compose_sets_none_it_lacks() throws IOException {
        JsonNode compose = YAML.readTree(ROOT.resolve("docker-compose.yml").toFile());
        // replicas share one key, so it comes from a Secret, not a file each pod would create for itself
        Map<String, String> replaced = Map.of("UPRIGHT_REMINDERS_SECRET_KEY_FILE", "UPRIGHT_REMINDERS_SECRET_KEY");
        RENDERED.forEach((overlay, objects) -> {
            for (Deployment deployment : typed(objects, Deployment.class)) {
                String name = deployment.getMetadata().getName();
                ServiceSources sources = ServiceSources.of(name);
                Map<String, String> env = env(deployment);
                env.keySet().forEach(variable -> assertThat(sources.reads(variable)).as(overlay + " " + name + " reads " + variable).isTrue());
                Iterator<Map.Entry<String, JsonNode>> composed = compose.at("/services/" + name + "/environment").fields();
                while (composed.hasNext()) {
                    Map.Entry<String, JsonNode> variable = composed.next();
                    String expected = replaced.getOrDefault(variable.getKey(), variable.getKey());
                    assertThat(env).as(overlay + " " + name + " sets what compose sets").containsKey(expected);
                    String value = variable.getValue().asText();
                    String ours = env.get(expected);
                    if (value.matches("[A-Za-z0-9/._-]+") && !ours.startsWith("secret:") && !ours.startsWith("configMap:")) {
                        assertThat(ours).as(overlay + " " + name + " " + expected + " as in compose").isEqualTo(value);
                    }
                }
            }
        });
    }

    @Test
    void each_service_uses_its_own_cloudnativepg_database_and_the_shared_vault() {
        RENDERED.forEach((overlay, objects) -> {
            Map<String, JsonNode> clusters = new HashMap<>();
            objects.stream().filter(o -> o.path("kind").asText().equals("Cluster")).forEach(c -> clusters.put(c.at("/metadata/name").asText(), c));
            for (String service : LocalStack.DEFAULT_PORTS.keySet()) {
                Deployment deployment = first(objects, Deployment.class, service);
                String prefix = service.toUpperCase(Locale.ROOT);
                assertDatabase(overlay + " " + service, clusters, deployment, prefix + "_JDBC_URL", prefix + "_DB_USERNAME",
                        prefix + "_DB_PASSWORD", service + "-db", service);
                assertDatabase(overlay + " " + service, clusters, deployment, "UPRIGHT_VAULT_JDBC_URL", "UPRIGHT_VAULT_DB_USERNAME",
                        "UPRIGHT_VAULT_DB_PASSWORD", "vault-db", LocalStack.VAULT_DATABASE);
            }
            assertThat(clusters.keySet()).as(overlay + " a cluster per service and the vault").hasSize(LocalStack.DEFAULT_PORTS.size() + 1);
            clusters.values().forEach(c -> assertThat(c.at("/spec/imageName").asText()).as("the PostgreSQL of compose")
                    .endsWith(":" + composeValue("/services/postgres/image").replaceAll("^.*:", "")));
        });
    }

    @Test
    void kafka_has_three_brokers_and_every_service_topic_with_its_partitions_replication_three_and_min_isr_two() {
        RENDERED.forEach((overlay, objects) -> {
            JsonNode kafka = one(objects, "Kafka");
            JsonNode pool = one(objects, "KafkaNodePool");
            assertThat(pool.at("/metadata/labels/strimzi.io~1cluster").asText()).isEqualTo(kafka.at("/metadata/name").asText());
            assertThat(pool.at("/spec/replicas").asInt()).isEqualTo(3);
            assertThat(pool.at("/spec/roles").toString()).contains("\"broker\"");
            assertThat(kafka.at("/spec/kafka/config/default.replication.factor").asInt()).isEqualTo(3);
            assertThat(kafka.at("/spec/kafka/config/min.insync.replicas").asInt()).isEqualTo(2);
            assertThat(kafka.at("/spec/kafka/config/auto.create.topics.enable").asBoolean(true)).isFalse();
            // the broker is at least the clients' version (the Quarkus BOM's kafka-clients, the image compose runs)
            assertThat(minor(kafka.at("/spec/kafka/version").asText())).isGreaterThanOrEqualTo(minor(AppInfoParser.getVersion()));

            Map<String, JsonNode> topics = new TreeMap<>();
            objects.stream().filter(o -> o.path("kind").asText().equals("KafkaTopic")).forEach(t -> topics.put(topicName(t), t));
            Set<String> expected = new TreeSet<>();
            for (UprightService service : UprightService.values()) {
                expected.add(service.topic());
                expected.add(service.deadLetterTopic());
            }
            assertThat(topics.keySet()).as(overlay + " topics").isEqualTo(expected);
            topics.forEach((name, topic) -> {
                assertThat(topic.at("/metadata/labels/strimzi.io~1cluster").asText()).isEqualTo(kafka.at("/metadata/name").asText());
                assertThat(topic.at("/spec/partitions").asInt()).as(name + " partitions").isEqualTo(TopicPartitions.of(name));
                assertThat(topic.at("/spec/replicas").asInt()).as(name + " replicas").isEqualTo(3);
                assertThat(topic.at("/spec/config/min.insync.replicas").asText()).as(name + " min ISR").isEqualTo("2");
            });

            JsonNode plain = null;
            for (JsonNode listener : kafka.at("/spec/kafka/listeners")) {
                if (!listener.path("tls").asBoolean() && listener.path("type").asText().equals("internal")) {
                    plain = listener;
                }
            }
            assertThat(plain).as("an internal listener").isNotNull();
            String bootstrap = kafka.at("/metadata/name").asText() + "-kafka-bootstrap:" + plain.path("port").asInt();
            for (String service : LocalStack.DEFAULT_PORTS.keySet()) {
                assertThat(env(first(objects, Deployment.class, service)).get("KAFKA_BOOTSTRAP_SERVERS")).as(service).isEqualTo(bootstrap);
            }
            assertThat(env(first(objects, Deployment.class, "web"))).doesNotContainKey("KAFKA_BOOTSTRAP_SERVERS");
        });
    }

    @Test
    void images_are_the_services_own_and_each_is_built_from_a_dockerfile_exposing_its_port() {
        RENDERED.forEach((overlay, objects) -> containerPorts(objects).forEach((name, port) -> {
            String image = onlyContainer(first(objects, Deployment.class, name)).getImage();
            assertThat(image).as(overlay + " " + name).matches("(.+/)?upright/" + name + ":[A-Za-z0-9._-]+");
            Path dockerfile = ROOT.resolve("services").resolve(name).resolve("Dockerfile");
            assertThat(dockerfile).as(name + " Dockerfile").exists();
            try {
                assertThat(Files.readString(dockerfile)).contains("EXPOSE " + port);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }));
    }

    @Test
    void no_secret_is_written_into_the_manifests_and_every_one_referenced_is_documented() throws IOException {
        String readme = Files.readString(K8S.resolve("README.md"));
        try (Stream<Path> files = Files.walk(K8S)) {
            for (Path file : files.filter(f -> Files.isRegularFile(f) && !f.startsWith(K8S.resolve("crds"))).toList()) {
                assertThat(Files.readString(file)).as(file.toString()).doesNotContain("-----BEGIN").doesNotContainPattern("(?m)^kind: Secret$");
            }
        }
        RENDERED.forEach((overlay, objects) -> {
            assertThat(objects).noneSatisfy(o -> assertThat(o.path("kind").asText()).isEqualTo("Secret"));
            for (Deployment deployment : typed(objects, Deployment.class)) {
                String name = deployment.getMetadata().getName();
                for (EnvVar variable : onlyContainer(deployment).getEnv()) {
                    if (SECRET_NAME.matcher(variable.getName()).matches() && !variable.getName().endsWith("_FILE")) {
                        assertThat(variable.getValue()).as(overlay + " " + name + " " + variable.getName() + " written here").isNull();
                        assertThat(variable.getValueFrom().getSecretKeyRef()).as(overlay + " " + name + " " + variable.getName()).isNotNull();
                    }
                    if (variable.getValueFrom() != null && variable.getValueFrom().getSecretKeyRef() != null) {
                        documented(readme, variable.getValueFrom().getSecretKeyRef().getName(), variable.getValueFrom().getSecretKeyRef().getKey());
                    }
                    if (variable.getValueFrom() != null && variable.getValueFrom().getConfigMapKeyRef() != null) {
                        String configMap = variable.getValueFrom().getConfigMapKeyRef().getName();
                        assertThat(first(objects, ConfigMap.class, configMap).getData()).as(configMap)
                                .containsKey(variable.getValueFrom().getConfigMapKeyRef().getKey());
                    }
                }
                for (Volume volume : deployment.getSpec().getTemplate().getSpec().getVolumes()) {
                    if (volume.getSecret() != null) {
                        volume.getSecret().getItems().forEach(i -> documented(readme, volume.getSecret().getSecretName(), i.getKey()));
                    }
                    if (volume.getConfigMap() != null) {
                        volume.getConfigMap().getItems().forEach(i -> documented(readme, volume.getConfigMap().getName(), i.getKey()));
                    }
                }
            }
        });
    }

    @Test
    void only_the_public_half_of_the_token_signing_key_reaches_the_services() {
        RENDERED.forEach((overlay, objects) -> {
            for (String service : LocalStack.DEFAULT_PORTS.keySet()) {
                Deployment deployment = first(objects, Deployment.class, service);
                List<Volume> volumes = deployment.getSpec().getTemplate().getSpec().getVolumes();
                assertThat(volumes).as(overlay + " " + service + " mounts no Secret").allSatisfy(v -> assertThat(v.getSecret()).isNull());
                Volume publicKey = volumes.stream().filter(v -> v.getConfigMap() != null).findFirst().orElseThrow();
                assertThat(publicKey.getConfigMap().getName()).isEqualTo("upright-jwt-public-key");
                assertThat(publicKey.getConfigMap().getItems()).singleElement().satisfies(i -> assertThat(i.getKey()).isEqualTo("jwks.json"));
                String mountPath = onlyContainer(deployment).getVolumeMounts().stream()
                        .filter(m -> m.getName().equals(publicKey.getName())).findFirst().orElseThrow().getMountPath();
                assertThat(env(deployment).get("UPRIGHT_JWT_PUBLIC_KEY")).isEqualTo(mountPath + "/jwks.json");
            }
            // the web front end signs its own sign-in link sessions: its key, mounted into it alone
            Deployment web = first(objects, Deployment.class, "web");
            assertThat(web.getSpec().getTemplate().getSpec().getVolumes().stream().filter(v -> v.getSecret() != null)
                    .map(v -> v.getSecret().getSecretName()).toList()).containsExactly("upright-web-link-signing-key");
        });
    }

    @Test
    void every_upright_pod_is_denied_by_default_and_each_service_reaches_exactly_its_database_the_vault_kafka_and_the_identity_provider() {
        RENDERED.forEach((overlay, objects) -> {
            List<NetworkPolicy> policies = typed(objects, NetworkPolicy.class);
            NetworkPolicy deny = policies.stream().filter(p -> p.getMetadata().getName().equals("upright-default-deny")).findFirst().orElseThrow();
            assertThat(deny.getSpec().getPolicyTypes()).containsExactlyInAnyOrder("Ingress", "Egress");
            assertThat(deny.getSpec().getIngress()).isEmpty();
            assertThat(deny.getSpec().getEgress()).isEmpty();

            NetworkPolicy idp = policies.stream().filter(p -> p.getMetadata().getName().equals("upright-identity-provider")).findFirst().orElseThrow();
            URI issuer = URI.create(first(objects, ConfigMap.class, "upright-endpoints").getData().get("identity-provider-issuer"));
            int issuerPort = issuer.getPort() > 0 ? issuer.getPort() : issuer.getScheme().equals("https") ? 443 : 80;
            Set<String> identityProvider = new TreeSet<>();
            for (NetworkPolicyEgressRule rule : idp.getSpec().getEgress()) {
                assertThat(rule.getPorts()).as(overlay + " identity provider port").singleElement()
                        .satisfies(p -> assertThat(p.getPort().getIntVal()).isEqualTo(issuerPort));
                identityProvider.addAll(peers(rule));
            }
            assertThat(identityProvider).as(overlay + " identity provider").isNotEmpty().noneSatisfy(p -> assertThat(p).startsWith("anywhere"));
            String dns = "namespace{kubernetes.io/metadata.name=kube-system} pods{k8s-app=kube-dns} UDP/53 TCP/53";

            for (Deployment deployment : typed(objects, Deployment.class)) {
                String name = deployment.getMetadata().getName();
                Map<String, String> pod = deployment.getSpec().getTemplate().getMetadata().getLabels();
                List<NetworkPolicy> selecting = policies.stream().filter(p -> selects(p.getSpec().getPodSelector().getMatchLabels(), pod)).toList();
                assertThat(selecting).as(overlay + " " + name + " denied by default").contains(deny);
                Set<String> egress = new TreeSet<>();
                selecting.forEach(p -> p.getSpec().getEgress().forEach(rule -> egress.addAll(peers(rule))));
                Set<String> expected = new TreeSet<>(identityProvider);
                expected.add(dns);
                // traces, once UPRIGHT_TRACING_OTLP_ENDPOINT names the collector; without this they would go nowhere, silently
                assertThat(egress).as(overlay + " " + name + " sends traces to the collector").contains(OTEL_COLLECTOR);
                expected.add(OTEL_COLLECTOR);
                if (name.equals("web")) {
                    LocalStack.DEFAULT_PORTS.forEach((service, port) -> expected.add(service(service) + " TCP/" + port));
                } else {
                    expected.add("pods{cnpg.io/cluster=" + name + "-db} TCP/5432");
                    expected.add("pods{cnpg.io/cluster=vault-db} TCP/5432");
                    expected.add(KAFKA_BROKERS + " TCP/9092");
                    // the second issuer the services trust: the web front end's sign-in link keys (/sign-in-links/jwks)
                    expected.add(service("web") + " TCP/8080");
                    if (name.equals("programs")) { // the personal data export gathers the other services' parts
                        LocalStack.DEFAULT_PORTS.forEach((service, port) -> {
                            if (!service.equals("programs")) {
                                expected.add(service(service) + " TCP/" + port);
                            }
                        });
                    }
                    if (name.equals("reminders")) { // webhooks to Slack, Teams and the tenants' endpoints, never a private address
                        expected.add("ipBlock{0.0.0.0/0 except [10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16, 169.254.0.0/16, 100.64.0.0/10]} TCP/443");
                    }
                }
                assertThat(egress).as(overlay + " " + name + " egress").isEqualTo(expected);

                int port = onlyContainer(deployment).getPorts().get(0).getContainerPort();
                Set<String> ingress = new TreeSet<>();
                selecting.forEach(p -> p.getSpec().getIngress().forEach(rule -> ingress.addAll(peers(rule))));
                assertThat(ingress).as(overlay + " " + name + " scraped by Prometheus")
                        .contains("namespace{kubernetes.io/metadata.name=monitoring} pods{app.kubernetes.io/name=prometheus} TCP/" + port);
                if (!name.equals("web")) {
                    assertThat(ingress).as(overlay + " " + name + " called by the web front end").contains(service("web") + " TCP/" + port);
                }
            }
        });
    }

    @Test
    void every_application_exports_traces_to_the_collector_the_overlay_names_and_none_where_it_names_none() {
        Map<String, String> endpoints = Map.of("dev", "", "prod", "http://otel-collector.observability.svc:4317");
        RENDERED.forEach((overlay, objects) -> {
            String endpoint = first(objects, ConfigMap.class, "upright-endpoints").getData().get("tracing-otlp-endpoint");
            assertThat(endpoint).as(overlay + " tracing-otlp-endpoint").isEqualTo(endpoints.get(overlay));
            if (!endpoint.isEmpty()) {
                assertThat(URI.create(endpoint).getPort()).as(overlay + " the port the NetworkPolicies open").isEqualTo(4317);
            }
            List<Deployment> deployments = typed(objects, Deployment.class);
            assertThat(deployments).extracting(d -> d.getMetadata().getName()).containsExactlyInAnyOrderElementsOf(allApplications());
            for (Deployment deployment : deployments) {
                assertThat(env(deployment).get("UPRIGHT_TRACING_OTLP_ENDPOINT")).as(overlay + " " + deployment.getMetadata().getName())
                        .isEqualTo("configMap:upright-endpoints/tracing-otlp-endpoint");
            }
        });
    }

    @Test
    void prometheus_scrapes_every_service_on_quarkus_metrics() {
        RENDERED.forEach((overlay, objects) -> {
            JsonNode monitor = one(objects, "ServiceMonitor");
            assertThat(monitor.at("/spec/endpoints/0/path").asText()).isEqualTo("/q/metrics");
            String port = monitor.at("/spec/endpoints/0/port").asText();
            Map<String, String> selector = YAML.convertValue(monitor.at("/spec/selector/matchLabels"), Map.class);
            Set<String> scraped = typed(objects, Service.class).stream()
                    .filter(s -> selects(selector, s.getMetadata().getLabels()))
                    .filter(s -> s.getSpec().getPorts().stream().anyMatch(p -> port.equals(p.getName())))
                    .map(s -> s.getMetadata().getName()).collect(Collectors.toCollection(TreeSet::new));
            assertThat(scraped).as(overlay).isEqualTo(new TreeSet<>(allApplications()));
        });
    }

    @Test
    void the_alert_rules_and_the_dashboard_are_those_of_deploy_monitoring() throws IOException {
        JsonNode rules = YAML.readTree(ROOT.resolve("deploy/monitoring/prometheus-rules.yml").toFile());
        String dashboard = Files.readString(ROOT.resolve("deploy/monitoring/grafana-dashboard.json"));
        RENDERED.forEach((overlay, objects) -> {
            assertThat(one(objects, "PrometheusRule").at("/spec/groups")).as(overlay + ": copy deploy/monitoring/prometheus-rules.yml's groups")
                    .isEqualTo(rules.get("groups"));
            ConfigMap dashboards = first(objects, ConfigMap.class, "upright-grafana-dashboard");
            assertThat(dashboards.getData()).as(overlay + ": copy deploy/monitoring/grafana-dashboard.json")
                    .isEqualTo(Map.of("grafana-dashboard.json", dashboard));
            assertThat(dashboards.getMetadata().getLabels()).containsEntry("grafana_dashboard", "1");
        });
    }

    // ---- helpers ----

    private static ObjectMapper strictModel() {
        SimpleModule noAnySetter = new SimpleModule();
        // fabric8's classes collect unknown fields in additionalProperties: without that sink, an unknown field fails
        noAnySetter.setDeserializerModifier(new BeanDeserializerModifier() {
            @Override
            public BeanDeserializerBuilder updateBuilder(DeserializationConfig config, BeanDescription description, BeanDeserializerBuilder builder) {
                if (description.getBeanClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
                    builder.setAnySetter(null);
                }
                return builder;
            }
        });
        return new ObjectMapper().registerModule(noAnySetter).configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
    }

    private static <T> T parse(JsonNode node, Class<T> type) {
        try {
            return STRICT.treeToValue(node, type);
        } catch (IOException e) {
            throw new IllegalArgumentException(type.getSimpleName() + " " + node.at("/metadata/name").asText() + ": " + e.getMessage(), e);
        }
    }

    private static <T extends HasMetadata> List<T> typed(List<ObjectNode> objects, Class<T> type) {
        String kind = type.getSimpleName();
        return objects.stream().filter(o -> o.path("kind").asText().equals(kind)).map(o -> parse(o, type)).toList();
    }

    private static <T extends HasMetadata> T first(List<ObjectNode> objects, Class<T> type, String name) {
        return typed(objects, type).stream().filter(o -> o.getMetadata().getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " " + name));
    }

    private static ObjectNode first(String overlay, String kind, String name) {
        return RENDERED.get(overlay).stream().filter(o -> o.path("kind").asText().equals(kind) && o.at("/metadata/name").asText().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no " + kind + " " + name));
    }

    private static JsonNode one(List<ObjectNode> objects, String kind) {
        List<ObjectNode> found = objects.stream().filter(o -> o.path("kind").asText().equals(kind)).toList();
        assertThat(found).as(kind).hasSize(1);
        return found.get(0);
    }

    private static String key(JsonNode object) {
        return object.path("apiVersion").asText() + "/" + object.path("kind").asText() + "/" + object.at("/metadata/namespace").asText()
                + "/" + object.at("/metadata/name").asText();
    }

    private static Map<String, JsonNode> byKey(List<ObjectNode> objects) {
        Map<String, JsonNode> keyed = new TreeMap<>();
        objects.forEach(o -> assertThat(keyed.put(key(o), o)).as(key(o) + " once").isNull());
        return keyed;
    }

    private static final Map<String, CrdSchema> CRDS = new HashMap<>();

    private static CrdSchema crdFor(JsonNode object) {
        synchronized (CRDS) {
            if (CRDS.isEmpty()) {
                try (Stream<Path> files = Files.list(K8S.resolve("crds"))) {
                    for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                        CRDS.put(file.getFileName().toString(), CrdSchema.load(file));
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return CRDS.values().stream().filter(c -> c.defines(object.path("apiVersion").asText(), object.path("kind").asText()))
                .findFirst().orElse(null);
    }

    private static Container onlyContainer(Deployment deployment) {
        assertThat(deployment.getSpec().getTemplate().getSpec().getContainers()).as(deployment.getMetadata().getName()).hasSize(1);
        return deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
    }

    /** A Deployment's variables: a plain value as it is, one from elsewhere as {@code <secret|configMap>:name/key}. */
    private static Map<String, String> env(Deployment deployment) {
        Map<String, String> env = new LinkedHashMap<>();
        for (EnvVar variable : onlyContainer(deployment).getEnv()) {
            String value = variable.getValue();
            if (variable.getValueFrom() != null && variable.getValueFrom().getSecretKeyRef() != null) {
                value = "secret:" + variable.getValueFrom().getSecretKeyRef().getName() + "/" + variable.getValueFrom().getSecretKeyRef().getKey();
            } else if (variable.getValueFrom() != null && variable.getValueFrom().getConfigMapKeyRef() != null) {
                value = "configMap:" + variable.getValueFrom().getConfigMapKeyRef().getName() + "/" + variable.getValueFrom().getConfigMapKeyRef().getKey();
            }
            assertThat(env.put(variable.getName(), value)).as(deployment.getMetadata().getName() + " sets " + variable.getName() + " once").isNull();
        }
        return env;
    }

    private static Map<String, Integer> containerPorts(List<ObjectNode> objects) {
        Map<String, Integer> ports = new TreeMap<>();
        for (Deployment deployment : typed(objects, Deployment.class)) {
            assertThat(onlyContainer(deployment).getPorts()).singleElement().satisfies(p -> assertThat(p.getName()).isEqualTo("http"));
            ports.put(deployment.getMetadata().getName(), onlyContainer(deployment).getPorts().get(0).getContainerPort());
        }
        return ports;
    }

    private static List<String> allApplications() {
        List<String> all = new ArrayList<>(LocalStack.DEFAULT_PORTS.keySet());
        all.add("web");
        return all;
    }

    private static void assertHealthProbe(String what, Probe probe, String path, Set<String> namedPorts) {
        assertThat(probe).as(what).isNotNull();
        assertThat(probe.getHttpGet().getPath()).as(what).isEqualTo(path);
        assertThat(namedPorts).as(what + " port").contains(probe.getHttpGet().getPort().getStrVal());
    }

    private static void assertDatabase(String what, Map<String, JsonNode> clusters, Deployment deployment, String urlVariable,
                                       String userVariable, String passwordVariable, String cluster, String database) {
        Map<String, String> env = env(deployment);
        JsonNode definition = clusters.get(cluster);
        assertThat(definition).as(what + " cluster " + cluster).isNotNull();
        assertThat(definition.at("/spec/bootstrap/initdb/database").asText()).isEqualTo(database);
        // CloudNativePG's read-write service and the Secret it creates for the database owner
        assertThat(env.get(urlVariable)).as(what).isEqualTo("jdbc:postgresql://" + cluster + "-rw:5432/" + database);
        assertThat(env.get(userVariable)).as(what).isEqualTo("secret:" + cluster + "-app/username");
        assertThat(env.get(passwordVariable)).as(what).isEqualTo("secret:" + cluster + "-app/password");
    }

    private static String composeValue(String pointer) {
        try {
            return YAML.readTree(ROOT.resolve("docker-compose.yml").toFile()).at(pointer).asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String topicName(JsonNode topic) {
        return topic.at("/spec/topicName").isMissingNode() ? topic.at("/metadata/name").asText() : topic.at("/spec/topicName").asText();
    }

    private static int minor(String version) {
        String[] parts = version.split("\\.");
        return Integer.parseInt(parts[0]) * 1000 + Integer.parseInt(parts[1]);
    }

    private static void documented(String readme, String name, String key) {
        if (name.endsWith("-db-app")) {
            return; // created by the CloudNativePG operator for the cluster's owner
        }
        assertThat(readme).as("deploy/k8s/README.md names " + name + " and its key " + key).contains("`" + name + "`").contains("`" + key + "`");
    }

    private static boolean selects(Map<String, String> selector, Map<String, String> labels) {
        return labels != null && labels.entrySet().containsAll(selector == null ? Set.of() : selector.entrySet());
    }

    private static String service(String name) {
        return "pods{app.kubernetes.io/name=" + name + "}";
    }

    private static List<String> peers(NetworkPolicyEgressRule rule) {
        return peers(rule.getTo(), rule.getPorts());
    }

    private static List<String> peers(NetworkPolicyIngressRule rule) {
        return peers(rule.getFrom(), rule.getPorts());
    }

    /** Each peer of a rule with the rule's ports, as comparable text; no peers means anywhere. */
    private static List<String> peers(List<NetworkPolicyPeer> peers, List<NetworkPolicyPort> ports) {
        String portText = ports.isEmpty() ? "any port" : ports.stream()
                .map(p -> p.getProtocol() + "/" + (p.getPort().getIntVal() != null ? p.getPort().getIntVal() : p.getPort().getStrVal()))
                .collect(Collectors.joining(" "));
        if (peers.isEmpty()) {
            return List.of("anywhere " + portText);
        }
        List<String> described = new ArrayList<>();
        for (NetworkPolicyPeer peer : peers) {
            List<String> parts = new ArrayList<>();
            if (peer.getIpBlock() != null) {
                parts.add("ipBlock{" + peer.getIpBlock().getCidr() + (peer.getIpBlock().getExcept().isEmpty() ? "" : " except " + peer.getIpBlock().getExcept()) + "}");
            }
            if (peer.getNamespaceSelector() != null) {
                assertThat(peer.getNamespaceSelector().getMatchExpressions()).isEmpty();
                parts.add("namespace" + labels(peer.getNamespaceSelector().getMatchLabels()));
            }
            if (peer.getPodSelector() != null) {
                assertThat(peer.getPodSelector().getMatchExpressions()).isEmpty();
                parts.add("pods" + labels(peer.getPodSelector().getMatchLabels()));
            }
            described.add(String.join(" ", parts) + " " + portText);
        }
        return described;
    }

    private static String labels(Map<String, String> labels) {
        return new TreeMap<>(labels).entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(",", "{", "}"));
    }

    private static Path onPath(String command) {
        for (String directory : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(directory).resolve(command);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
