package io.upright.assessments.campaign;

import io.upright.platform.domain.FieldError;
import io.upright.platform.domain.Rejection;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CampaignDeciderTest {

    // late evening in UTC: in Asia the calendar already shows the next day, which must not matter
    private static final Instant NOW = Instant.parse("2026-11-25T23:30:00Z");
    private static final LocalDate TODAY_UTC = LocalDate.parse("2026-11-25");

    private final CampaignDecider decider = new CampaignDecider(Set.of("rosa", "workstation-basics")::contains);
    private final UUID id = UUID.randomUUID();
    private final UUID team = UUID.randomUUID();

    @Test
    void a_known_team_asked_on_a_published_template_by_a_future_date_starts_a_campaign() {
        List<CampaignEvent> events = decider.decide(start("rosa", TODAY_UTC.plusDays(14), true), decider.initialState());

        assertThat(events).containsExactly(new CampaignEvent.CampaignStarted(id, team, "rosa", TODAY_UTC.plusDays(14), NOW));
        CampaignDecider.Campaign campaign = decider.fold(events);
        assertThat(campaign.exists()).isTrue();
        assertThat(campaign.teamId()).isEqualTo(team);
        assertThat(campaign.dueDate()).isEqualTo(TODAY_UTC.plusDays(14));
        assertThat(campaign.startedAt()).isEqualTo(NOW);
    }

    @Test
    void a_campaign_due_today_in_utc_is_accepted() {
        assertThat(decider.decide(start("workstation-basics", TODAY_UTC, true), decider.initialState())).hasSize(1);
    }

    @Test
    void a_due_date_before_today_in_utc_names_the_due_date() {
        assertThatThrownBy(() -> decider.decide(start("rosa", TODAY_UTC.minusDays(1), true), decider.initialState()))
                .isInstanceOfSatisfying(Rejection.class, e -> {
                    assertThat(e.reason()).isEqualTo(Rejection.Reason.INVALID);
                    assertThat(e.errors()).extracting(FieldError::field).containsExactly("dueDate");
                });
    }

    @Test
    void an_unpublished_template_and_a_past_date_are_reported_together_before_the_team_is_looked_at() {
        assertThatThrownBy(() -> decider.decide(start("posture-quiz", TODAY_UTC.minusDays(3), false), decider.initialState()))
                .isInstanceOfSatisfying(Rejection.class, e -> {
                    assertThat(e.reason()).isEqualTo(Rejection.Reason.INVALID);
                    assertThat(e.errors()).extracting(FieldError::field).containsExactly("templateId", "dueDate");
                });
    }

    @Test
    void an_unknown_team_is_not_found() {
        assertThatThrownBy(() -> decider.decide(start("rosa", TODAY_UTC, false), decider.initialState()))
                .isInstanceOfSatisfying(Rejection.class, e -> assertThat(e.reason()).isEqualTo(Rejection.Reason.NOT_FOUND));
    }

    @Test
    void a_campaign_cannot_be_started_twice() {
        CampaignDecider.Campaign started = decider.fold(decider.decide(start("rosa", TODAY_UTC, true), decider.initialState()));

        assertThatThrownBy(() -> decider.decide(start("rosa", TODAY_UTC, true), started))
                .isInstanceOfSatisfying(Rejection.class, e -> assertThat(e.reason()).isEqualTo(Rejection.Reason.CONFLICT));
    }

    private CampaignDecider.Start start(String templateId, LocalDate dueDate, boolean teamKnown) {
        return new CampaignDecider.Start(id, team, teamKnown, templateId, dueDate, NOW);
    }
}
