package io.upright.programs.team;

import io.upright.platform.eventstore.Decider;
import io.upright.platform.domain.Rejection;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Rules of a team's life. Teams are formed once; programs and champions come with later work. */
public class TeamDecider implements Decider<TeamDecider.FormTeam, TeamDecider.Team, TeamEvent> {

    public static final int MAX_NAME_LENGTH = 80;

    public record FormTeam(UUID teamId, String name, Instant at) {
    }

    public record Team(UUID id, String name) {
        public boolean exists() {
            return id != null;
        }
    }

    @Override
    public Team initialState() {
        return new Team(null, null);
    }

    @Override
    public List<TeamEvent> decide(FormTeam command, Team team) {
        if (team.exists()) {
            throw Rejection.conflict("Team " + command.teamId() + " already exists");
        }
        String name = command.name() == null ? "" : command.name().strip();
        if (name.isEmpty()) {
            throw Rejection.invalid("name", "must not be blank");
        }
        if (name.length() > MAX_NAME_LENGTH) {
            throw Rejection.invalid("name", "must be at most " + MAX_NAME_LENGTH + " characters");
        }
        return List.of(new TeamEvent.TeamFormed(command.teamId(), name, command.at()));
    }

    @Override
    public Team evolve(Team team, TeamEvent event) {
        if (event instanceof TeamEvent.TeamFormed formed) {
            return new Team(formed.teamId(), formed.name());
        }
        return team;
    }
}
