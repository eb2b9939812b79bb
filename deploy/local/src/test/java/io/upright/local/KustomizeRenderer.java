package io.upright.local;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Renders a kustomization as {@code kubectl kustomize} does, for the few features deploy/k8s uses, so that the
 * manifests are checked where no kubectl is installed. Anything else in a kustomization is refused rather than
 * ignored: a manifest the renderer cannot render faithfully fails the test. KubernetesManifestsTest compares its
 * output with kubectl's wherever kubectl is on the PATH.
 * <ul>
 *   <li>{@code resources}: files (every YAML document) and directories holding a kustomization, rendered first;</li>
 *   <li>{@code configMapGenerator}: {@code files} only, under {@code generatorOptions.disableNameSuffixHash: true},
 *       with {@code options.labels};</li>
 *   <li>{@code patches}: {@code path} only, strategic merge onto the object of the patch's kind and name;</li>
 *   <li>{@code namespace}, {@code labels} (metadata labels only: no selectors, no templates), {@code images}.</li>
 * </ul>
 */
final class KustomizeRenderer {

    private static final Set<String> FEATURES = Set.of("apiVersion", "kind", "resources", "namespace", "labels", "images",
            "patches", "generatorOptions", "configMapGenerator");
    private static final Set<String> CLUSTER_SCOPED = Set.of("Namespace", "CustomResourceDefinition", "ClusterRole",
            "ClusterRoleBinding", "PersistentVolume", "StorageClass");
    private static final Set<String> POD_OWNERS = Set.of("Deployment", "StatefulSet", "DaemonSet", "Job", "ReplicaSet");
    /** The strategic-merge keys of the pod lists a patch may merge into; every other list is replaced, as kustomize does. */
    private static final Map<String, String> MERGE_KEYS = Map.of("containers", "name", "initContainers", "name",
            "env", "name", "volumes", "name", "volumeMounts", "mountPath");

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private KustomizeRenderer() {
    }

    static List<ObjectNode> render(Path directory) {
        try {
            return renderDirectory(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every YAML document of a file (empty documents skipped). */
    static List<ObjectNode> readDocuments(Path file) throws IOException {
        try (YAMLParser parser = (YAMLParser) YAML.getFactory().createParser(file.toFile())) {
            while (parser.nextToken() != null) {
                if (parser.isCurrentAlias() || parser.getObjectId() != null) {
                    throw new IllegalArgumentException(file + ": YAML anchors and aliases are not read as kustomize reads them");
                }
            }
        }
        List<ObjectNode> documents = new ArrayList<>();
        try (JsonParser parser = YAML.getFactory().createParser(file.toFile());
             MappingIterator<JsonNode> it = YAML.readValues(parser, JsonNode.class)) {
            while (it.hasNext()) {
                JsonNode document = it.next();
                if (document != null && document.isObject()) {
                    documents.add((ObjectNode) document);
                }
            }
        }
        return documents;
    }

    private static List<ObjectNode> renderDirectory(Path directory) throws IOException {
        JsonNode kustomization = YAML.readTree(directory.resolve("kustomization.yaml").toFile());
        kustomization.fieldNames().forEachRemaining(field -> {
            if (!FEATURES.contains(field)) {
                throw new IllegalArgumentException(directory + ": kustomize feature '" + field + "' is not one the renderer knows");
            }
        });
        List<ObjectNode> objects = new ArrayList<>();
        for (JsonNode resource : kustomization.path("resources")) {
            Path path = directory.resolve(resource.asText()).normalize();
            objects.addAll(Files.isDirectory(path) ? renderDirectory(path) : readDocuments(path));
        }
        objects.addAll(generateConfigMaps(directory, kustomization));
        for (JsonNode patch : kustomization.path("patches")) {
            if (patch.size() != 1 || !patch.has("path")) {
                throw new IllegalArgumentException(directory + ": only patches with a path alone are supported: " + patch);
            }
            for (ObjectNode document : readDocuments(directory.resolve(patch.get("path").asText()))) {
                ObjectNode target = patchTarget(objects, document);
                mergeObject(target, document, POD_OWNERS.contains(target.path("kind").asText()));
            }
        }
        if (kustomization.has("namespace")) {
            for (ObjectNode object : objects) {
                if (CLUSTER_SCOPED.contains(object.path("kind").asText())) {
                    throw new IllegalArgumentException("cluster-scoped " + object.path("kind").asText() + " in a namespaced kustomization");
                }
                ((ObjectNode) object.get("metadata")).put("namespace", kustomization.get("namespace").asText());
            }
        }
        for (JsonNode label : kustomization.path("labels")) {
            label.fieldNames().forEachRemaining(field -> {
                if (!field.equals("pairs") && !(Set.of("includeSelectors", "includeTemplates").contains(field) && !label.get(field).asBoolean())) {
                    throw new IllegalArgumentException(directory + ": labels." + field + " is not supported");
                }
            });
            for (ObjectNode object : objects) {
                ObjectNode metadata = (ObjectNode) object.get("metadata");
                ObjectNode labels = metadata.has("labels") ? (ObjectNode) metadata.get("labels") : metadata.putObject("labels");
                labels.setAll((ObjectNode) label.get("pairs"));
            }
        }
        for (JsonNode image : kustomization.path("images")) {
            for (ObjectNode object : objects) {
                if (POD_OWNERS.contains(object.path("kind").asText())) {
                    for (String list : List.of("containers", "initContainers")) {
                        for (JsonNode container : object.at("/spec/template/spec/" + list)) {
                            retag((ObjectNode) container, image);
                        }
                    }
                }
            }
        }
        return objects;
    }

    private static List<ObjectNode> generateConfigMaps(Path directory, JsonNode kustomization) throws IOException {
        List<ObjectNode> generated = new ArrayList<>();
        if (!kustomization.has("configMapGenerator")) {
            return generated;
        }
        JsonNode options = kustomization.path("generatorOptions");
        if (!options.path("disableNameSuffixHash").asBoolean() || options.size() != 1) {
            throw new IllegalArgumentException(directory + ": a generator needs generatorOptions.disableNameSuffixHash: true alone");
        }
        for (JsonNode generator : kustomization.get("configMapGenerator")) {
            generator.fieldNames().forEachRemaining(field -> {
                if (!Set.of("name", "files", "options").contains(field)) {
                    throw new IllegalArgumentException(directory + ": configMapGenerator." + field + " is not supported");
                }
            });
            ObjectNode configMap = YAML.createObjectNode().put("apiVersion", "v1").put("kind", "ConfigMap");
            ObjectNode metadata = configMap.putObject("metadata").put("name", generator.get("name").asText());
            if (generator.at("/options/labels").isObject()) {
                metadata.set("labels", generator.at("/options/labels").deepCopy());
            }
            ObjectNode data = configMap.putObject("data");
            for (JsonNode file : generator.path("files")) {
                if (file.asText().contains("=")) {
                    throw new IllegalArgumentException(directory + ": key=file entries are not supported");
                }
                Path path = directory.resolve(file.asText()).normalize();
                if (!path.startsWith(directory)) {
                    throw new IllegalArgumentException(path + " is outside " + directory + ", which kustomize refuses");
                }
                data.put(path.getFileName().toString(), Files.readString(path));
            }
            generated.add(configMap);
        }
        return generated;
    }

    private static ObjectNode patchTarget(List<ObjectNode> objects, ObjectNode patch) {
        List<ObjectNode> matches = objects.stream()
                .filter(o -> o.path("kind").equals(patch.path("kind")) && o.at("/metadata/name").equals(patch.at("/metadata/name")))
                .toList();
        if (matches.size() != 1) {
            throw new IllegalArgumentException(matches.size() + " objects match the patch of " + patch.path("kind").asText()
                    + " " + patch.at("/metadata/name").asText());
        }
        return matches.get(0);
    }

    /** Strategic merge: maps merge, null deletes, the pod lists of {@link #MERGE_KEYS} merge by key, other lists are replaced. */
    private static void mergeObject(ObjectNode target, ObjectNode patch, boolean podOwner) {
        Iterator<Map.Entry<String, JsonNode>> fields = patch.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = field.getKey();
            JsonNode value = field.getValue();
            if (name.startsWith("$")) {
                throw new IllegalArgumentException("patch directive " + name + " is not supported");
            }
            JsonNode existing = target.get(name);
            if (value.isNull()) {
                target.remove(name);
            } else if (value.isObject() && existing != null && existing.isObject()) {
                mergeObject((ObjectNode) existing, (ObjectNode) value, podOwner);
            } else if (value.isArray() && existing != null && existing.isArray() && podOwner && MERGE_KEYS.containsKey(name)) {
                mergeList((ArrayNode) existing, (ArrayNode) value, MERGE_KEYS.get(name));
            } else {
                target.set(name, value.deepCopy());
            }
        }
    }

    private static void mergeList(ArrayNode target, ArrayNode patch, String key) {
        for (JsonNode element : patch) {
            ObjectNode match = null;
            for (JsonNode candidate : target) {
                if (candidate.path(key).equals(element.path(key))) {
                    match = (ObjectNode) candidate;
                }
            }
            if (match == null) {
                target.add(element.deepCopy());
            } else {
                mergeObject(match, (ObjectNode) element, true);
            }
        }
    }

    private static void retag(ObjectNode container, JsonNode image) {
        String current = container.path("image").asText();
        if (current.contains("@")) {
            throw new IllegalArgumentException("digests are not supported: " + current);
        }
        int colon = current.lastIndexOf(':');
        boolean tagged = colon > current.lastIndexOf('/');
        String name = tagged ? current.substring(0, colon) : current;
        if (!name.equals(image.path("name").asText())) {
            return;
        }
        String newName = image.has("newName") ? image.get("newName").asText() : name;
        String tag = image.has("newTag") ? ":" + image.get("newTag").asText() : tagged ? current.substring(colon) : "";
        container.put("image", newName + tag);
    }
}
