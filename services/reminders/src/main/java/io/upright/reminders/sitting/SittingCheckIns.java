package io.upright.reminders.sitting;

import io.quarkus.scheduler.Scheduled;
import io.upright.contracts.assessments.SittingCalendar;
import io.upright.reminders.RemindersConfig;
import io.upright.reminders.queue.ReminderKind;
import io.upright.reminders.queue.ReminderQueue;
import io.upright.reminders.schedule.ReminderChain;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Asks each person for their sitting self-report (OSPAQ) on the calendar the services share ({@link SittingCalendar}):
 * the {@code baseline} when they enrol (members of a running program who never got that ask get it at the next
 * round), each check-in of their program when it opens, and the {@code end} when the program ends.
 *
 * <p>An ask is a nudge ({@link ReminderKind#SITTING_CHECK_IN}): no answer buttons, the answer is given in Upright. Every
 * member is asked exactly once per period, whether or not they answered already, with the same text: a second ask
 * to those who had not answered would tell the employer's systems (webhooks, chat workspaces) who takes part. People
 * can skip by not answering; a late answer still counts for its period in assessments.
 */
@ApplicationScoped
public class SittingCheckIns {

    private static final Logger LOG = Logger.getLogger(SittingCheckIns.class);

    /** An ask not delivered within a working day of its slot is dropped. */
    static final Duration TIME_TO_LIVE = Duration.ofHours(8);
    /** A check-in is asked for while it is this fresh (someone back from leave gets it); answers are welcome after too. */
    static final Duration ASKING = Duration.ofDays(14);
    /** A moment's grace so the ask is not due before the transaction that queues it has committed. */
    static final Duration LEAD = Duration.ofSeconds(5);

    /** An open period of a program and the active members of its teams. */
    private record Due(String tenant, String period, Instant opensAt, boolean ended, List<UUID> members) {
    }

    @Inject
    Clock clock;

    @Inject
    DataSource dataSource;

    @Inject
    ReminderChain chain;

    @Inject
    ReminderQueue queue;

    @Inject
    RemindersConfig config;

    /** A new member is asked for their baseline at the first moment their hours allow. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean onEnrolled(String tenant, UUID member) {
        if (!config.sittingCheckIns()) {
            return false;
        }
        return ask(tenant, member, SittingCalendar.BASELINE, false);
    }

    /** The program ended: its members are asked for the {@code end} period now. */
    @Transactional(Transactional.TxType.MANDATORY)
    public int onProgramEnded(String tenant, UUID programId) {
        if (!config.sittingCheckIns()) {
            return 0;
        }
        int asked = 0;
        for (UUID member : members(tenant, programId)) {
            if (ask(tenant, member, SittingCalendar.END, true)) {
                asked++;
            }
        }
        return asked;
    }

    /** Every hour or so: the check-ins that opened, and baselines nobody was asked for yet. */
    @Scheduled(identity = "reminders-sitting-check-ins", every = "{upright.reminders.sitting-check-in-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        if (!config.engineEnabled() || !config.sittingCheckIns()) {
            return;
        }
        try {
            askDue();
        } catch (RuntimeException e) {
            LOG.warn("Cannot queue the sitting check-ins due", e);
        }
    }

    /** Queues every ask due now; the dedupe keys make each one once, however often this runs. */
    @Transactional
    public int askDue() {
        Instant now = Instant.now(clock);
        int asked = 0;
        for (Due due : due(now)) {
            for (UUID member : due.members()) {
                if (ask(due.tenant(), member, due.period(), due.ended())) {
                    asked++;
                }
            }
        }
        return asked;
    }

    /** The periods open for asking now: each running program's baseline and latest fresh check-in (or end). */
    private List<Due> due(Instant now) {
        List<Due> due = new ArrayList<>();
        List<Object[]> programs = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select tenant_id, program_id, starts_on, status, updated_at from program "
                     + "where status in ('active', 'ended')")) {
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    programs.add(new Object[]{rs.getString(1), rs.getObject(2, UUID.class), rs.getObject(3, LocalDate.class),
                            "ended".equals(rs.getString(4)) ? rs.getTimestamp(5).toInstant() : null});
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the programs", e);
        }
        for (Object[] p : programs) {
            String tenant = (String) p[0];
            UUID program = (UUID) p[1];
            Instant endedAt = (Instant) p[3];
            LocalDate startsOn = (LocalDate) p[2];
            Instant starts = startsOn.atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
            List<SittingCalendar.Opening> opened = SittingCalendar.opened(startsOn, endedAt, now);
            SittingCalendar.Opening latest = opened.isEmpty() ? null : opened.get(opened.size() - 1);
            boolean checkInFresh = latest != null && now.isBefore(latest.opensAt().plus(ASKING));
            // the baseline around the start, and with each check-in for anyone never asked for it (enrolled before
            // this service asked for baselines): only while something is being asked, so the rest of the time costs nothing
            boolean baselineFresh = endedAt == null && (now.isBefore(starts.plus(ASKING)) || checkInFresh);
            if (!baselineFresh && !checkInFresh) {
                continue;
            }
            List<UUID> members = members(tenant, program);
            if (baselineFresh) {
                due.add(new Due(tenant, SittingCalendar.BASELINE, starts, false, members));
            }
            if (checkInFresh) {
                due.add(new Due(tenant, latest.period(), latest.opensAt(), endedAt != null, members));
            }
        }
        return due;
    }

    /** The member's one ask for the period (its dedupe key makes it once, however often this runs). */
    private boolean ask(String tenant, UUID member, String period, boolean programMayHaveEnded) {
        String dedupeKey = member + "@sitting@" + period;
        if (queue.exists(dedupeKey)) {
            return false;
        }
        Optional<ReminderChain.Planned> planned = chain.scheduleOf(tenant, member, programMayHaveEnded);
        if (planned.isEmpty()) {
            return false; // not active, or their program is paused
        }
        Instant slot = planned.get().breaks().firstAllowed(Instant.now(clock).plus(LEAD)).truncatedTo(ChronoUnit.SECONDS);
        return queue.queue(tenant, member, slot, slot.plus(TIME_TO_LIVE), ReminderKind.SITTING_CHECK_IN,
                dedupeKey, null, null);
    }

    /** Active members of the program's teams. */
    private List<UUID> members(String tenant, UUID programId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select s.employee_id from schedule s join program_team pt "
                     + "on pt.tenant_id = s.tenant_id and pt.team_id = s.team_id where s.tenant_id = ? and pt.program_id = ? "
                     + "and s.status = 'active'")) {
            ps.setString(1, tenant);
            ps.setObject(2, programId);
            List<UUID> members = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    members.add(rs.getObject(1, UUID.class));
                }
            }
            return members;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the program's members", e);
        }
    }
}
