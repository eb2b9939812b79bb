package io.upright.web.admin;

import io.upright.web.page.ServiceProblem;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ChatChannelSectionTest {

    private static final AdminMessages TEXTS = KeyedAdminMessages.TEXTS;

    private final UUID design = UUID.randomUUID();
    private final UUID sales = UUID.randomUUID();
    private final Map<UUID, String> teams = new LinkedHashMap<>(Map.of(design, "Design"));

    private RemindersAdminApi.ChatChannel channel(UUID teamId, String status) {
        return new RemindersAdminApi.ChatChannel(UUID.randomUUID(), "https://hooks.slack.com/…AbCd", teamId, status,
                Instant.EPOCH, null);
    }

    @Test
    void a_channel_is_shown_by_its_hint_for_its_team_by_name_or_the_whole_organisation() {
        ChatChannelSection slack = ChatChannelSection.of(ChatChannelSection.Kind.SLACK,
                List.of(channel(null, "active"), channel(design, "disabled"), channel(sales, "active")), teams, null, null, TEXTS);

        assertThat(slack.channels()).extracting(ChatChannelSection.Row::hint).containsOnly("https://hooks.slack.com/…AbCd");
        assertThat(slack.channels()).extracting(ChatChannelSection.Row::team)
                .containsExactly("chatWholeOrganisation", "Design", sales.toString());
        assertThat(slack.channels()).extracting(ChatChannelSection.Row::status)
                .containsExactly("statusActive", "statusDisabled", "statusActive");
        assertThat(slack.channels().get(0).deleteLabel()).isEqualTo("deleteChatChannelLabel(Slack,https://hooks.slack.com/…AbCd)");
        assertThat(slack.receives()).isEqualTo("slackChannelsReceives");
        assertThat(slack.teamsUnknown()).isFalse();
    }

    @Test
    void each_kind_says_what_it_receives_in_words_of_its_own() {
        ChatChannelSection teamsKind = ChatChannelSection.of(ChatChannelSection.Kind.TEAMS, List.of(), teams, null, null, TEXTS);
        assertThat(teamsKind.kind()).isEqualTo("teams");
        assertThat(teamsKind.receives()).isEqualTo("teamsChannelsReceives");
        assertThat(teamsKind.heading()).isEqualTo("teamsChannelsHeading");
        assertThat(teamsKind.teamHint()).isEqualTo("teamsChannelTeamHint");
    }

    @Test
    void a_refusal_of_reminders_is_shown_at_the_field_of_the_kinds_own_form_and_only_there() {
        ServiceProblem refused = ChatChannelSection.Kind.TEAMS.onForm(new ServiceProblem(400, "Bad", "invalid",
                List.of(new ServiceProblem.FieldError("webhookUrl", "host cannot be resolved"))));
        assertThat(refused.fieldErrors()).extracting(ServiceProblem.FieldError::anchor).containsExactly("field-teams-webhookUrl");

        ChatChannelSection.Typed typed = new ChatChannelSection.Typed(ChatChannelSection.Kind.TEAMS, "https://x.example/y",
                design.toString());
        ChatChannelSection teamsKind = ChatChannelSection.of(ChatChannelSection.Kind.TEAMS, List.of(), teams, typed, refused, TEXTS);
        ChatChannelSection slack = ChatChannelSection.of(ChatChannelSection.Kind.SLACK, List.of(), teams, typed, refused, TEXTS);
        assertThat(teamsKind.urlError()).isEqualTo("host cannot be resolved");
        assertThat(teamsKind.typedUrl()).isEqualTo("https://x.example/y");
        assertThat(teamsKind.teams()).extracting(ChatChannelSection.TeamOption::selected).containsExactly(true);
        assertThat(slack.urlError()).isNull();
        assertThat(slack.typedUrl()).isEmpty();
        assertThat(slack.teams()).extracting(ChatChannelSection.TeamOption::selected).containsExactly(false);
    }

    @Test
    void a_refusal_naming_no_field_is_about_the_url_but_a_403_or_an_outage_stays_page_wide() {
        ServiceProblem conflict = ChatChannelSection.Kind.SLACK.onForm(new ServiceProblem(409, "Conflict", "taken", List.of()));
        assertThat(conflict.at("slack-webhookUrl")).contains("taken");

        assertThat(ChatChannelSection.Kind.SLACK.onForm(new ServiceProblem(403, "", "no", List.of())).fieldErrors()).isEmpty();
        assertThat(ChatChannelSection.Kind.SLACK.onForm(new ServiceProblem(503, "", "down", List.of())).fieldErrors()).isEmpty();
    }

    @Test
    void without_programs_only_the_whole_organisation_can_be_chosen_and_the_form_says_why() {
        ChatChannelSection slack = ChatChannelSection.of(ChatChannelSection.Kind.SLACK, List.of(channel(design, "active")),
                null, null, null, TEXTS);
        assertThat(slack.teams()).isEmpty();
        assertThat(slack.teamsUnknown()).isTrue();
        assertThat(slack.teamHint()).isEqualTo("slackChannelTeamHint chatTeamsUnavailable");
        assertThat(slack.channels().get(0).team()).isEqualTo(design.toString());
    }

    @Test
    void only_the_two_kinds_reminders_serves_are_known_by_their_paths() {
        assertThat(ChatChannelSection.Kind.of("slack")).contains(ChatChannelSection.Kind.SLACK);
        assertThat(ChatChannelSection.Kind.of("teams")).contains(ChatChannelSection.Kind.TEAMS);
        assertThat(ChatChannelSection.Kind.of("webhook")).isEmpty();
        assertThat(ChatChannelSection.Kind.of(null)).isEmpty();
    }
}
