package io.upright.insights.programs;

import io.upright.contracts.programs.ProgramEnded;
import io.upright.contracts.programs.ProgramLaunched;
import io.upright.contracts.programs.ProgramPaused;
import io.upright.contracts.programs.ProgramPhase;
import io.upright.contracts.programs.ProgramPhaseStarted;
import io.upright.contracts.programs.ProgramResumed;
import io.upright.insights.facts.ReadModelRows;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import javax.sql.DataSource;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Keeps the programs read model ({@code insights_program}, its phases and teams) from the program lifecycle
 * events. The {@code messaging} consumer of {@code upright.programs} calls it for live records and for the
 * replay alike. Runs inside the caller's transaction, after the inbox accepted the event.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class ProgramProjection {

    @Inject
    DataSource dataSource;

    @Inject
    Clock clock;

    public void launched(String tenant, ProgramLaunched launched) {
        launched(tenant, launched.programId(), launched.title(), launched.startsOn(),
                launched.minBreakEveryMinutes(), launched.maxBreakEveryMinutes(), launched.launchedAt(),
                launched.teamIds(), launched.phases() == null ? List.of() : launched.phases());
    }

    public void phaseStarted(String tenant, ProgramPhaseStarted phase) {
        phaseStarted(tenant, phase.programId(), phase.phaseNumber(), phase.breakEveryMinutes(),
                phase.dailyActiveMinutesTarget(), phase.teamIds());
    }

    public void paused(String tenant, ProgramPaused paused) {
        status(tenant, paused.programId(), "paused", paused.pausedAt(), paused.teamIds());
    }

    public void resumed(String tenant, ProgramResumed resumed) {
        status(tenant, resumed.programId(), "launched", resumed.resumedAt(), resumed.teamIds());
    }

    public void ended(String tenant, ProgramEnded ended) {
        status(tenant, ended.programId(), "ended", ended.endedAt(), ended.teamIds());
    }

    private void launched(String tenant, UUID programId, String title, LocalDate startsOn,
                          int minBreak, int maxBreak, Instant launchedAt, List<UUID> teamIds, List<ProgramPhase> phases) {
        update("insert into insights_program (tenant_id, program_id, title, starts_on, status, current_phase, "
                        + "min_break_every_minutes, max_break_every_minutes, launched_at) values (?, ?, ?, ?, 'launched', ?, ?, ?, ?) "
                        + "on conflict (tenant_id, program_id) do update set title = excluded.title, starts_on = excluded.starts_on, "
                        + "min_break_every_minutes = excluded.min_break_every_minutes, "
                        + "max_break_every_minutes = excluded.max_break_every_minutes, launched_at = excluded.launched_at",
                tenant, programId, title, startsOn, phases.isEmpty() ? null : phases.get(0).number(), minBreak, maxBreak,
                timestamp(launchedAt));
        teams(tenant, programId, teamIds);
        for (ProgramPhase phase : phases) {
            phase(tenant, programId, phase.number(), phase.startWeek(), phase.breakEveryMinutes(),
                    phase.dailyActiveMinutesTarget());
        }
    }

    /** A phase that begins keeps its schedule position (when known) and may carry an updated target. */
    private void phaseStarted(String tenant, UUID programId, int number, int breakEvery, int target, List<UUID> teamIds) {
        update("insert into insights_program_phase (tenant_id, program_id, number, start_week, break_every_minutes, "
                        + "daily_active_minutes_target) values (?, ?, ?, ?, ?, ?) on conflict (tenant_id, program_id, number) "
                        + "do update set break_every_minutes = excluded.break_every_minutes, "
                        + "daily_active_minutes_target = excluded.daily_active_minutes_target",
                tenant, programId, number, number, breakEvery, target);
        update("update insights_program set current_phase = ? where tenant_id = ? and program_id = ? "
                + "and (current_phase is null or current_phase <= ?)", number, tenant, programId, number);
        teams(tenant, programId, teamIds);
    }

    private void status(String tenant, UUID programId, String status, Instant at, List<UUID> teamIds) {
        // an ended program stays ended whatever arrives late
        update("update insights_program set status = ?, ended_at = case when ? = 'ended' then ? else ended_at end "
                + "where tenant_id = ? and program_id = ? and status <> 'ended'",
                status, status, timestamp(at), tenant, programId);
        teams(tenant, programId, teamIds);
    }

    private void teams(String tenant, UUID programId, List<UUID> teamIds) {
        if (teamIds == null) {
            return;
        }
        for (UUID teamId : teamIds) {
            update("insert into insights_program_team (tenant_id, program_id, team_id) values (?, ?, ?) on conflict do nothing",
                    tenant, programId, teamId);
        }
    }

    private void phase(String tenant, UUID programId, int number, int startWeek, int breakEvery, int target) {
        update("insert into insights_program_phase (tenant_id, program_id, number, start_week, break_every_minutes, "
                        + "daily_active_minutes_target) values (?, ?, ?, ?, ?, ?) on conflict (tenant_id, program_id, number) "
                        + "do update set start_week = excluded.start_week, break_every_minutes = excluded.break_every_minutes, "
                        + "daily_active_minutes_target = excluded.daily_active_minutes_target",
                tenant, programId, number, startWeek, breakEvery, target);
    }

    private int update(String sql, Object... values) {
        return ReadModelRows.update(dataSource, sql, values);
    }

    /** An event without its instant counts as happening when it is applied. */
    private Timestamp timestamp(Instant instant) {
        return Timestamp.from(instant == null ? Instant.now(clock) : instant);
    }
}
