package io.upright.programs.personaldata;

import io.upright.programs.enrollment.EmployeeView;
import io.upright.programs.program.ProgramView;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Everything the programs service holds about one person (GDPR Art. 15 and 20), as one JSON document. */
@Schema(name = "DataExport")
public record DataExport(@Schema(example = "programs") String service, Instant exportedAt, EmployeeView profile, TeamInfo team,
                         @Schema(description = "the employee's own event stream, oldest first, personal fields opened")
                         List<Map<String, Object>> enrolmentHistory,
                         @Schema(description = "programs the employee's team takes part in") List<ProgramView> programs,
                         List<ChampionRole> championRoles) {

    @Schema(name = "DataExportTeam")
    public record TeamInfo(UUID id, String name) {
    }

    @Schema(name = "DataExportChampionRole")
    public record ChampionRole(UUID programId, String programTitle, UUID teamId, Instant appointedAt) {
    }
}
