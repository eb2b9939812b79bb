package io.upright.reminders.program;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.upright.contracts.programs.ProgramEnded;
import io.upright.contracts.programs.ProgramLaunched;
import io.upright.contracts.programs.ProgramPaused;
import io.upright.contracts.programs.ProgramPhaseStarted;
import io.upright.contracts.programs.ProgramResumed;
import io.upright.reminders.queue.ReminderQueue;
import io.upright.reminders.schedule.ReminderChain;
import io.upright.reminders.schedule.Cadence;
import io.upright.reminders.schedule.RoutineReminders;
import io.upright.reminders.schedule.Schedules;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import javax.sql.DataSource;
import java.time.Clock;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The programs service's facts about programs, as far as reminders need them: which teams are in which program,
 * its current phase (cadence, daily target), its bounds and whether it runs. A projection of someone else's
 * facts, not an aggregate of ours; the cadence itself is computed per slot (see {@link Cadence}).
 */
@ApplicationScoped
public class Programs {

    @Inject
    Clock clock;

    public static final String ACTIVE = "active";
    public static final String PAUSED = "paused";
    public static final String ENDED = "ended";

    @Inject
    DataSource dataSource;

    @Inject
    ReminderChain chain;

    @Inject
    RoutineReminders routineReminders;

    @Inject
    ReminderQueue queue;

    @Inject
    Schedules schedules;

    @Inject
    ObjectMapper json;

    @Transactional(Transactional.TxType.MANDATORY)
    public void onLaunched(String tenant, ProgramLaunched launched) {
        List<Cadence.Phase> phases = launched.phases() == null ? List.of() : launched.phases().stream()
                .map(p -> new Cadence.Phase(p.number(), p.startWeek(), p.breakEveryMinutes(), p.dailyActiveMinutesTarget())).toList();
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        Cadence.Phase phase = Cadence.phaseOn(launched.startsOn(), phases, today)
                .orElseThrow(() -> new IllegalArgumentException("Program " + launched.programId() + " has no phases"));
        String phasesJson;
        try {
            phasesJson = json.writeValueAsString(phases);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        execute("insert into program (tenant_id, program_id, status, starts_on, phase_number, break_every_minutes, "
                        + "daily_active_minutes_target, min_break_every_minutes, max_break_every_minutes, phases, updated_at) "
                        + "values (?, ?, 'active', ?, ?, ?, ?, ?, ?, ?, ?) on conflict (tenant_id, program_id) do update set "
                        + "starts_on = excluded.starts_on, phase_number = excluded.phase_number, "
                        + "break_every_minutes = excluded.break_every_minutes, daily_active_minutes_target = excluded.daily_active_minutes_target, "
                        + "min_break_every_minutes = excluded.min_break_every_minutes, max_break_every_minutes = excluded.max_break_every_minutes, "
                        + "phases = excluded.phases, updated_at = excluded.updated_at",
                tenant, launched.programId(), Date.valueOf(launched.startsOn()), phase.number(), phase.breakEveryMinutes(),
                phase.dailyActiveMinutesTarget(), launched.minBreakEveryMinutes(), launched.maxBreakEveryMinutes(), phasesJson,
                Timestamp.from(at(launched.launchedAt())));
        assignTeams(tenant, launched.programId(), launched.teamIds());
        restartMembers(tenant, launched.teamIds());
    }

    /** A new phase: its cadence applies from each member's next slot on (the slot already queued stays). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onPhaseStarted(String tenant, ProgramPhaseStarted started) {
        LocalDate startsOn = started.startedOn() == null ? LocalDate.now(clock.withZone(ZoneOffset.UTC)) : started.startedOn();
        execute("insert into program (tenant_id, program_id, status, starts_on, phase_number, break_every_minutes, "
                        + "daily_active_minutes_target, min_break_every_minutes, max_break_every_minutes, phases, updated_at) "
                        + "values (?, ?, 'active', ?, ?, ?, ?, ?, ?, '[]', ?) on conflict (tenant_id, program_id) do update set "
                        + "phase_number = excluded.phase_number, break_every_minutes = excluded.break_every_minutes, "
                        + "daily_active_minutes_target = excluded.daily_active_minutes_target, "
                        + "min_break_every_minutes = excluded.min_break_every_minutes, max_break_every_minutes = excluded.max_break_every_minutes, "
                        + "updated_at = excluded.updated_at",
                tenant, started.programId(), Date.valueOf(startsOn), started.phaseNumber(), started.breakEveryMinutes(),
                started.dailyActiveMinutesTarget(), started.minBreakEveryMinutes(), started.maxBreakEveryMinutes(),
                Timestamp.from(at(started.startedAt())));
        assignTeams(tenant, started.programId(), started.teamIds());
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void onPaused(String tenant, ProgramPaused paused) {
        if (setStatus(tenant, paused.programId(), PAUSED)) {
            queue.cancelPending(tenant, schedules.activeMembers(tenant, teamsOf(tenant, paused.programId(), paused.teamIds())));
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void onResumed(String tenant, ProgramResumed resumed) {
        if (setStatus(tenant, resumed.programId(), ACTIVE)) {
            restartMembers(tenant, teamsOf(tenant, resumed.programId(), resumed.teamIds()));
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void onEnded(String tenant, ProgramEnded ended) {
        if (setStatus(tenant, ended.programId(), ENDED)) {
            queue.cancelPending(tenant, schedules.activeMembers(tenant, teamsOf(tenant, ended.programId(), ended.teamIds())));
        }
    }

    /** The latest launch naming a team wins: a team is in one program at a time. */
    private void assignTeams(String tenant, UUID programId, List<UUID> teamIds) {
        for (UUID team : teamIds == null ? List.<UUID>of() : teamIds) {
            execute("insert into program_team (tenant_id, team_id, program_id) values (?, ?, ?) "
                    + "on conflict (tenant_id, team_id) do update set program_id = excluded.program_id", tenant, team, programId);
        }
    }

    private void restartMembers(String tenant, List<UUID> teamIds) {
        Instant now = Instant.now(clock);
        for (UUID member : schedules.activeMembers(tenant, teamIds)) {
            chain.restart(tenant, member, now);
            routineReminders.plan(tenant, member, now); // taken back when the program paused
        }
    }

    /** The teams the event names, or (older or partial events) those recorded for the program. */
    private List<UUID> teamsOf(String tenant, UUID programId, List<UUID> named) {
        if (named != null && !named.isEmpty()) {
            return named;
        }
        List<UUID> teams = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select team_id from program_team where tenant_id = ? and program_id = ?")) {
            ps.setString(1, tenant);
            ps.setObject(2, programId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    teams.add(rs.getObject(1, UUID.class));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the program's teams", e);
        }
        return teams;
    }

    /** @return whether the program is known (an unknown one has no teams here to act on) */
    private boolean setStatus(String tenant, UUID programId, String status) {
        // an ended program stays ended; pause and resume only move a program that still runs
        return execute("update program set status = ?, updated_at = now() where tenant_id = ? and program_id = ? "
                + "and status <> 'ended'", status, tenant, programId) == 1;
    }

    private int execute(String sql, Object... parameters) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                ps.setObject(i + 1, parameters[i]);
            }
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot record the program", e);
        }
    }

    private Instant at(Instant instant) {
        return instant == null ? Instant.now(clock) : instant;
    }
}
