package io.upright.programs.roster;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.upright.platform.crypto.PersonalData;
import io.upright.platform.domain.FieldError;
import io.upright.platform.domain.Rejection;
import io.upright.programs.enrollment.EmployeeRecord;
import io.upright.programs.enrollment.Enrollments;
import io.upright.programs.team.TeamRecord;
import io.upright.programs.team.Teams;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * Application service of the roster import. A preview plans the file against the tenant and writes nothing. An apply
 * is checked the same way at once (a file with an error is refused, nothing queued), then runs in the background:
 * <b>one database transaction for the whole file</b>, written in batches (flushed and cleared every {@link #BATCH}
 * rows, progress recorded between them in transactions of its own). One transaction is what keeps it all-or-nothing:
 * the outbox relay publishes only committed rows, so committing batch by batch would publish the first half of a file
 * whose second half then fails. Teams and employees go through {@link Teams#form} and {@link Enrollments#enroll}, the
 * same code, events and outbox records as the single endpoints.
 */
@ApplicationScoped
public class RosterImports {

    private static final Logger LOG = Logger.getLogger(RosterImports.class);

    static final int BATCH = 250;
    /** An import that has not reported progress for this long lost its instance; its transaction rolled back. */
    static final Duration STALE_AFTER = Duration.ofMinutes(15);
    /** Generous: 10 000 rows take well under a minute (docs/benchmarks.md, Roster import). */
    static final int TIMEOUT_SECONDS = 3600;
    /** A refused apply names at most this many fields; the preview lists every one. */
    static final int MAX_ERRORS_IN_PROBLEM = 200;

    @Inject
    Teams teams;

    @Inject
    Enrollments enrollments;

    @Inject
    PersonalData personalData;

    @Inject
    RosterImportStore store;

    @Inject
    EntityManager entityManager;

    @Inject
    DataSource dataSource;

    @Inject
    Clock clock;

    /** One import at a time per instance; imports of one tenant also queue on a database lock (see {@link #apply}). */
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "roster-import");
        thread.setDaemon(true);
        return thread;
    });

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }

    /** What importing {@code csv} would do now; changes nothing. */
    @Transactional
    public RosterPlan.Report preview(String tenant, String csv) {
        return RosterPlan.plan(RosterCsv.parse(csv), new RosterDirectory(tenant, personalData), Instant.now(clock));
    }

    /**
     * Checks the file and, when it has no error, queues it.
     *
     * @throws Rejection invalid, naming {@code lines[<n>].<column>}, when any row (or the file) has an error
     */
    public RosterImportView start(String tenant, String requestedBy, String csv, boolean markLeavers) {
        RosterPlan.Report report = preview(tenant, csv);
        if (!report.valid()) {
            throw refusal(report);
        }
        UUID id = UUID.randomUUID();
        store.insert(tenant, id, markLeavers, report.summary().rows(), requestedBy, Instant.now(clock));
        // the file (names, emails) stays in memory only, until the worker has applied it
        worker.submit(() -> run(tenant, id, csv, markLeavers));
        return status(tenant, id);
    }

    public RosterImportView status(String tenant, UUID id) {
        return store.find(tenant, id, Instant.now(clock)).orElseThrow(() -> Rejection.notFound("Roster import " + id));
    }

    void run(String tenant, UUID id, String csv, boolean markLeavers) {
        int[] done = {0};
        try {
            store.progress(tenant, id, RosterImportView.RUNNING, 0, Instant.now(clock));
            RosterImportView.Outcome outcome = QuarkusTransaction.requiringNew().timeout(TIMEOUT_SECONDS)
                    .call(() -> apply(tenant, id, csv, markLeavers, done));
            store.finish(tenant, id, RosterImportView.SUCCEEDED, done[0], outcome, Instant.now(clock));
        } catch (RuntimeException e) {
            Rejection rejection = rejectionIn(e);
            RosterImportView.Outcome failed;
            if (rejection != null) {
                failed = RosterImportView.Outcome.failed(rejection.detail(), rejection.errors());
            } else {
                // the message may quote a value of the file: the log gets the kind of failure and the trace only
                LOG.errorf("Roster import %s of tenant %s failed (%s); nothing was imported", id, tenant,
                        e.getClass().getName());
                failed = RosterImportView.Outcome.failed("The import could not be completed; nothing was imported. "
                        + "Try again; if it fails again, quote import " + id, List.of());
            }
            try {
                store.finish(tenant, id, RosterImportView.FAILED, 0, failed, Instant.now(clock));
            } catch (RuntimeException recording) {
                LOG.errorf("Cannot record the failure of roster import %s", id);
            }
        }
    }

    /** Runs inside the import's one transaction. */
    RosterImportView.Outcome apply(String tenant, UUID id, String csv, boolean markLeavers, int[] done) {
        lockTenant(tenant);
        // planned again under the lock: someone may have enrolled or formed a team since the preview
        RosterCsv.Parsed parsed = RosterCsv.parse(csv);
        RosterDirectory directory = new RosterDirectory(tenant, personalData);
        RosterPlan.Report report = RosterPlan.plan(parsed, directory, Instant.now(clock));
        if (!report.valid()) {
            throw refusal(report);
        }
        entityManager.clear(); // the directory's entities are read only; a small persistence context keeps flushes fast

        Map<String, UUID> teamIds = new HashMap<>();
        List<RosterPlan.TeamLine> teamLines = new ArrayList<>();
        for (RosterPlan.TeamLine team : report.teams()) {
            if (team.teamId() != null) {
                teamIds.put(key(team.name()), team.teamId());
            }
        }
        List<RosterImportView.RowOutcome> rows = new ArrayList<>();
        for (int i = 0; i < report.rows().size(); i++) {
            RosterPlan.RowResult planned = report.rows().get(i);
            RosterCsv.Row row = parsed.rows().get(i);
            UUID teamId = teamIds.get(key(planned.team()));
            if (teamId == null) {
                TeamRecord formed = teams.form(tenant, planned.team());
                teamId = formed.id;
                teamIds.put(key(planned.team()), teamId);
                teamLines.add(new RosterPlan.TeamLine(formed.name, formed.id, "created"));
            }
            UUID employeeId = planned.employeeId();
            if (RosterPlan.ENROL.equals(planned.action())) {
                employeeId = enrollments.enroll(tenant, teamId, new Enrollments.Enrolment(row.get("displayName"),
                        row.get("email"), row.get("chatHandle"), row.get("timeZone"), row.get("workdayStart"),
                        row.get("workdayEnd"), RosterPlan.yesOrNo(row.get("standingDesk")), null)).id();
            }
            rows.add(new RosterImportView.RowOutcome(planned.line(), planned.action(), employeeId, planned.createsTeam(),
                    planned.changes()));
            done[0] = i + 1;
            if (done[0] % BATCH == 0) {
                entityManager.flush();
                entityManager.clear();
                store.progress(tenant, id, RosterImportView.RUNNING, done[0], Instant.now(clock));
            }
        }
        List<RosterImportView.LeaverOutcome> leavers = new ArrayList<>();
        for (RosterPlan.Leaver leaver : report.leavers()) {
            if (markLeavers) {
                enrollments.leave(tenant, leaver.employeeId());
            }
            leavers.add(new RosterImportView.LeaverOutcome(leaver.employeeId(), leaver.teamId(), leaver.teamName(),
                    markLeavers));
        }
        for (RosterPlan.TeamLine team : report.teams()) {
            if (team.teamId() != null) {
                teamLines.add(team);
            }
        }
        return new RosterImportView.Outcome(report.summary(), List.copyOf(teamLines), List.copyOf(rows),
                List.copyOf(leavers), null, List.of());
    }

    /** Imports of one tenant run one after the other, across instances: the second waits for the first to commit. */
    private void lockTenant(String tenant) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select pg_advisory_xact_lock(hashtext(?))")) {
            ps.setString(1, "roster-import|" + tenant);
            ps.execute();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot lock the tenant for a roster import", e);
        }
    }

    static Rejection refusal(RosterPlan.Report report) {
        List<FieldError> errors = report.allErrors();
        if (errors.size() > MAX_ERRORS_IN_PROBLEM) {
            errors = errors.subList(0, MAX_ERRORS_IN_PROBLEM);
        }
        return Rejection.invalid(errors);
    }

    private static Rejection rejectionIn(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof Rejection rejection) {
                return rejection;
            }
        }
        return null;
    }

    private static String key(String teamName) {
        return teamName.strip().toLowerCase(Locale.ROOT);
    }

    static final class RosterDirectory implements RosterPlan.Directory {

        private final String tenant;
        private final PersonalData personalData;
        private final Map<String, UUID> teamsByName = new HashMap<>();
        private final Map<UUID, String> teamNames = new HashMap<>();
        private final Map<String, EmployeeRecord> employeesByLookup = new HashMap<>();
        private final List<EmployeeRecord> employees;

        RosterDirectory(String tenant, PersonalData personalData) {
            this.tenant = tenant;
            this.personalData = personalData;
            for (TeamRecord team : TeamRecord.<TeamRecord>list("tenantId", tenant)) {
                teamsByName.put(team.name.toLowerCase(Locale.ROOT), team.id);
                teamNames.put(team.id, team.name);
            }
            this.employees = EmployeeRecord.list("tenantId", tenant);
            for (EmployeeRecord employee : employees) {
                if (employee.emailLookup != null) {
                    employeesByLookup.put(employee.emailLookup, employee);
                }
            }
        }

        String teamName(UUID teamId) {
            return teamNames.get(teamId);
        }

        @Override
        public UUID teamNamed(String name) {
            return teamsByName.get(name.strip().toLowerCase(Locale.ROOT));
        }

        @Override
        public Optional<RosterPlan.Known> employee(String email) {
            EmployeeRecord e = employeesByLookup.get(personalData.lookupHash(tenant, email));
            if (e == null) {
                return Optional.empty();
            }
            Function<String, Optional<String>> open = personalData.opener(tenant, e.id);
            return Optional.of(new RosterPlan.Known(e.id, e.teamId, e.status(), open.apply(e.displayName).orElse(null),
                    open.apply(e.chatHandle).orElse(null), e.timeZone, e.workdayStart, e.workdayEnd, e.standingDesk));
        }

        @Override
        public List<RosterPlan.Leaver> enrolledExcept(Set<String> emails) {
            Set<String> lookups = new HashSet<>();
            emails.forEach(email -> lookups.add(personalData.lookupHash(tenant, email)));
            return employees.stream()
                    .filter(e -> "enrolled".equals(e.status()) && !lookups.contains(e.emailLookup))
                    .map(e -> {
                        Function<String, Optional<String>> open = personalData.opener(tenant, e.id);
                        return new RosterPlan.Leaver(e.id, e.teamId, teamNames.get(e.teamId),
                                open.apply(e.displayName).orElse(null), open.apply(e.email).orElse(null));
                    })
                    .sorted(java.util.Comparator.comparing((RosterPlan.Leaver l) -> String.valueOf(l.teamName()))
                            .thenComparing(l -> String.valueOf(l.displayName())))
                    .toList();
        }
    }}
