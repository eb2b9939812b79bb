package io.upright.programs.team;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.upright.contracts.programs.TeamCreated;
import io.upright.platform.eventstore.AggregateStore;
import io.upright.platform.eventstore.Decision;
import io.upright.platform.outbox.Outbox;
import io.upright.platform.domain.Rejection;
import io.upright.platform.eventstore.Aggregate;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Application service: runs team commands and keeps the read model and the outbox in the same transaction. */
@ApplicationScoped
public class Teams {

    public static final Aggregate<TeamDecider.FormTeam, TeamDecider.Team, TeamEvent> TEAM =
            Aggregate.of("team", TeamEvent.class, new TeamDecider());

    @Inject
    AggregateStore aggregates;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    @Transactional
    public TeamRecord form(String tenant, String name) {
        if (name != null && TeamRecord.nameTaken(tenant, name.strip())) {
            throw Rejection.conflict("A team named '" + name.strip() + "' already exists");
        }
        UUID id = UUID.randomUUID();
        Instant now = Instant.now(clock);
        Decision<TeamDecider.Team, TeamEvent> decision = aggregates.handle(tenant, TEAM, id,
                new TeamDecider.FormTeam(id, name, now));
        TeamRecord team = new TeamRecord();
        team.tenantId = tenant;
        team.id = id;
        team.name = decision.state().name();
        team.version = decision.version();
        team.createdAt = now;
        team.persistAndFlush();
        outbox.enqueue(tenant, new TeamCreated(id, team.name, now));
        return team;
    }

    public TeamRecord get(String tenant, UUID id) {
        TeamRecord team = TeamRecord.of(tenant, id);
        if (team == null) {
            throw Rejection.notFound("Team " + id);
        }
        return team;
    }

    public List<TeamRecord> list(String tenant, int page, int size) {
        return TeamRecord.find("tenantId", Sort.by("name").and("id"), tenant).page(Page.of(page, size)).list();
    }

    public long count(String tenant) {
        return TeamRecord.count("tenantId", tenant);
    }
}
