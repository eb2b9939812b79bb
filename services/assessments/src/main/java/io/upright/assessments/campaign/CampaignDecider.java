package io.upright.assessments.campaign;

import io.upright.platform.eventstore.Decider;
import io.upright.platform.domain.FieldError;
import io.upright.platform.domain.Rejection;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Rules of an assessment campaign: HR asks one known team to assess on a published template by a date that has
 * not passed yet. A campaign is started once; it names a team, never individuals.
 */
public class CampaignDecider implements Decider<CampaignDecider.Command, CampaignDecider.Campaign, CampaignEvent> {

    public sealed interface Command {
        UUID campaignId();
    }

    /**
     * @param teamKnown whether the caller's tenant has an employee enrolled in {@code teamId}; looked up by the
     *                  caller so the decider stays free of I/O
     */
    public record Start(UUID campaignId, UUID teamId, boolean teamKnown, String templateId, LocalDate dueDate, Instant at)
            implements Command {
    }

    public record Campaign(UUID id, UUID teamId, String templateId, LocalDate dueDate, Instant startedAt) {
        public boolean exists() {
            return id != null;
        }
    }

    /** Whether a template id is published; a function so the decider stays free of I/O. */
    private final Predicate<String> publishedTemplate;

    public CampaignDecider(Predicate<String> publishedTemplate) {
        this.publishedTemplate = publishedTemplate;
    }

    @Override
    public Campaign initialState() {
        return new Campaign(null, null, null, null, null);
    }

    @Override
    public List<CampaignEvent> decide(Command command, Campaign state) {
        if (command instanceof Start start) {
            return start(start, state);
        }
        throw new IllegalArgumentException("Unknown command " + command);
    }

    private List<CampaignEvent> start(Start start, Campaign state) {
        // every field problem at once, before saying anything about the team
        List<FieldError> errors = new ArrayList<>();
        if (!publishedTemplate.test(start.templateId())) {
            errors.add(new FieldError("templateId", "is not a published checklist template"));
        }
        // UTC, so the rule does not depend on where HR sits; members' own zones only matter for reminders
        LocalDate today = LocalDate.ofInstant(start.at(), ZoneOffset.UTC);
        if (start.dueDate().isBefore(today)) {
            errors.add(new FieldError("dueDate", "must be today (" + today + ", UTC) or later"));
        }
        if (!errors.isEmpty()) {
            throw Rejection.invalid(errors);
        }
        if (!start.teamKnown()) {
            throw Rejection.notFound("Team " + start.teamId());
        }
        if (state.exists()) {
            throw Rejection.conflict("Campaign " + start.campaignId() + " already exists");
        }
        return List.of(new CampaignEvent.CampaignStarted(start.campaignId(), start.teamId(), start.templateId(),
                start.dueDate(), start.at()));
    }

    @Override
    public Campaign evolve(Campaign state, CampaignEvent event) {
        if (event instanceof CampaignEvent.CampaignStarted started) {
            return new Campaign(started.campaignId(), started.teamId(), started.templateId(), started.dueDate(),
                    started.startedAt());
        }
        return state;
    }
}
