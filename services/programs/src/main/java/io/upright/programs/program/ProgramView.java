package io.upright.programs.program;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@Schema(name = "Program")
public record ProgramView(UUID id,
                          @Schema(example = "Stand up, Finance") String title,
                          @Schema(enumeration = {"draft", "launched", "paused", "ended"}) String status,
                          @Schema(example = "2026-12-07") LocalDate startsOn,
                          @Schema(description = "number of the phase in force, null before the first starts") Integer currentPhase,
                          @Schema(description = "first day of the next phase, while one is to come") LocalDate nextPhaseOn,
                          List<PhaseView> phases,
                          @Schema(example = "20") int minBreakEveryMinutes,
                          @Schema(example = "60") int maxBreakEveryMinutes,
                          List<UUID> teamIds,
                          long version, Instant createdAt, Instant updatedAt) {

    @Schema(name = "ProgramPhaseView")
    public record PhaseView(@Schema(example = "1") int number, @Schema(example = "1") int startWeek,
                            @Schema(example = "45") int breakEveryMinutes, @Schema(example = "120") int dailyActiveMinutesTarget,
                            @Schema(description = "first day, once the program is launched") LocalDate startsOn) {
    }
}
