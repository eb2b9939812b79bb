package io.upright.contracts.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.upright.contracts.EventCatalog;
import io.upright.contracts.EventType;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 18: each published event schema version is pinned (src/test/resources/published-schemas), and a change that
 * would break a consumer of a pinned version fails the build.
 */
class PublishedSchemasTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path PINNED = Path.of("src/test/resources/published-schemas");
    private static final Path CURRENT = Path.of("src/main/resources/schemas");

    @Test
    void every_catalogued_version_is_pinned() {
        for (EventType<?> type : EventCatalog.ALL) {
            assertThat(PINNED.resolve(type.ceType() + ".json"))
                    .as("%s is published but not pinned: copy its schema to %s in the change that ships it", type.ceType(), PINNED)
                    .exists();
        }
    }

    @Test
    void every_pinned_version_is_still_readable_by_its_consumers() throws IOException {
        List<String> problems = new ArrayList<>();
        try (Stream<Path> pinned = Files.list(PINNED)) {
            for (Path file : pinned.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                Path current = CURRENT.resolve(file.getFileName());
                if (!Files.exists(current)) {
                    problems.add(file.getFileName() + " is no longer in " + CURRENT + ": a published version stays readable");
                    continue;
                }
                SchemaCompatibility.breaks(JSON.readTree(file.toFile()), JSON.readTree(current.toFile()))
                        .forEach(problem -> problems.add(file.getFileName() + ": " + problem));
            }
        }
        assertThat(problems).as("incompatible with what was published (make a new version with an upcaster instead)").isEmpty();
    }
}
