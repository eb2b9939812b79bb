package io.upright.exercises.content;

import io.upright.exercises.catalogue.Catalogue;
import io.upright.exercises.catalogue.Exercise;
import io.upright.exercises.catalogue.RoutineDefinition;
import io.upright.platform.api.Page;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What editors see of the library. */
public final class ContentViews {

    private ContentViews() {
    }

    @Schema(name = "ContentSummary", description = "One exercise or routine in the editors' overview")
    public record Summary(@Schema(example = "glute-bridge") String id,
                          @Schema(example = "Glute bridge") String title,
                          @Schema(example = "published", enumeration = {"draft", "in-review", "published", "retired"},
                                  description = "Retired, else the status of the newest version") String status,
                          @Schema(example = "2") int latestVersion,
                          @Schema(example = "1", description = "The version readers get; null if none") Integer publishedVersion) {
    }

    @Schema(name = "ExerciseVersion")
    public record ExerciseVersion(int version,
                                  @Schema(enumeration = {"draft", "in-review", "published", "superseded", "retired"}) String status,
                                  String changedBy, Instant changedAt,
                                  @Schema(description = "The reviewer's reason when sent back to draft") String note,
                                  Exercise content) {
    }

    @Schema(name = "ExerciseItem", description = "An exercise with every version and its status; the ETag is for If-Match")
    public record ExerciseItem(String id, String status, int latestVersion, Integer publishedVersion,
                               List<ExerciseVersion> versions) {
    }

    @Schema(name = "RoutineVersion")
    public record RoutineVersion(int version,
                                 @Schema(enumeration = {"draft", "in-review", "published", "superseded", "retired"}) String status,
                                 String changedBy, Instant changedAt, String note,
                                 @Schema(description = "Sum of its exercises as published now; null while some are not published", example = "480")
                                 Integer durationSeconds,
                                 RoutineDefinition content) {
    }

    @Schema(name = "RoutineItem", description = "A routine with every version and its status; the ETag is for If-Match")
    public record RoutineItem(String id, String status, int latestVersion, Integer publishedVersion,
                              List<RoutineVersion> versions) {
    }

    @Schema(name = "ReviewRejection")
    public record Rejection(@Schema(example = "Step 3 needs a safer cue for people with knee pain") String reason) {
    }

    static ExerciseItem exercise(ContentState<Exercise> s) {
        return new ExerciseItem(s.id(), s.status().label(), s.latest().orElseThrow().version(),
                s.published().map(ContentVersion::version).orElse(null),
                s.versions().stream().map(v -> new ExerciseVersion(v.version(), v.status().label(), v.changedBy(),
                        v.changedAt(), v.note(), v.content())).toList());
    }

    static RoutineItem routine(ContentState<RoutineDefinition> s, Catalogue published) {
        return new RoutineItem(s.id(), s.status().label(), s.latest().orElseThrow().version(),
                s.published().map(ContentVersion::version).orElse(null),
                s.versions().stream().map(v -> new RoutineVersion(v.version(), v.status().label(), v.changedBy(),
                        v.changedAt(), v.note(), RoutineDecider.durationSeconds(v.content(), published).orElse(null),
                        v.content())).toList());
    }

    /** Groups the version rows (ordered by id, then version) into one summary per item, optionally by status. */
    static Page<Summary> summaries(List<ContentVersionRecord> rows, String status, int page, int size) {
        Map<String, List<ContentVersionRecord>> byItem = new LinkedHashMap<>();
        rows.forEach(r -> byItem.computeIfAbsent(r.contentId, k -> new ArrayList<>()).add(r));
        List<Summary> all = new ArrayList<>();
        byItem.forEach((id, versions) -> {
            ContentVersionRecord latest = versions.get(versions.size() - 1);
            boolean retired = versions.stream().anyMatch(v -> "retired".equals(v.status));
            Integer published = versions.stream().filter(v -> "published".equals(v.status))
                    .map(v -> v.version).findFirst().orElse(null);
            Summary summary = new Summary(id, latest.title, retired ? "retired" : latest.status, latest.version, published);
            if (status == null || status.equals(summary.status())) {
                all.add(summary);
            }
        });
        int from = (int) Math.min((long) page * size, all.size());
        int to = Math.min(from + size, all.size());
        return new Page<>(all.subList(from, to), page, size, all.size());
    }
}
