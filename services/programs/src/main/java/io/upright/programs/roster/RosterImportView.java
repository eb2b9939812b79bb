package io.upright.programs.roster;

import io.upright.platform.domain.FieldError;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An applied roster import: its progress and, once finished, its outcome. It names rows by line number and employees
 * by id only, never by name or email (it is kept after the file is gone).
 */
@Schema(name = "RosterImport")
public record RosterImportView(UUID id,
                               @Schema(enumeration = {"queued", "running", "succeeded", "failed", "interrupted"}) String status,
                               @Schema(description = "whether people enrolled now but absent from the file are marked left") boolean markLeavers,
                               @Schema(example = "10000") int totalRows,
                               @Schema(example = "2500") int rowsDone,
                               Instant createdAt, Instant finishedAt,
                               @Schema(description = "once succeeded or failed") Outcome outcome) {

    public static final String QUEUED = "queued";
    public static final String RUNNING = "running";
    public static final String SUCCEEDED = "succeeded";
    public static final String FAILED = "failed";
    /** Stopped reporting progress (the instance went away mid-import); its transaction rolled back, nothing was written. */
    public static final String INTERRUPTED = "interrupted";

    static boolean unfinished(String status) {
        return QUEUED.equals(status) || RUNNING.equals(status);
    }

    @Schema(name = "RosterImportOutcome", description = "failure and errors are set when nothing was imported")
    public record Outcome(RosterPlan.Summary summary, List<RosterPlan.TeamLine> teams, List<RowOutcome> rows,
                          List<LeaverOutcome> leavers, String failure, List<FieldError> errors) {

        static Outcome failed(String failure, List<FieldError> errors) {
            return new Outcome(null, List.of(), List.of(), List.of(), failure, errors);
        }
    }

    @Schema(name = "RosterImportRow")
    public record RowOutcome(int line, @Schema(enumeration = {"enrol", "update", "unchanged"}) String action,
                             UUID employeeId, boolean createsTeam,
                             @Schema(description = "fields that differ from what is enrolled; reported, not applied") List<String> changes) {
    }

    @Schema(name = "RosterImportLeaver")
    public record LeaverOutcome(UUID employeeId, UUID teamId, String teamName, boolean markedLeft) {
    }
}
