package io.upright.reminders.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.upright.platform.domain.Rejection;
import io.upright.reminders.chat.ChatChannelEvent.ChatChannelDisabled;
import io.upright.reminders.chat.ChatChannelEvent.ChatChannelRegistered;
import io.upright.reminders.chat.ChatChannelEvent.ChatChannelRemoved;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChatChannelDeciderTest {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final UUID channel = UUID.randomUUID();
    private final UUID team = UUID.randomUUID();
    private final Instant at = Instant.parse("2026-11-25T09:00:00Z");

    private ChatChannelDecider.Register register() {
        return new ChatChannelDecider.Register(channel, "sealed", "https://hooks.slack.com/…AbCd", team, at);
    }

    @Test
    void a_registered_channel_is_active_and_its_events_carry_the_deciders_kind() {
        for (ChatChannelKind kind : ChatChannelKind.values()) {
            ChatChannelDecider decider = new ChatChannelDecider(kind);
            List<ChatChannelEvent> registered = decider.decide(register(), decider.initialState());
            assertThat(registered).containsExactly(
                    new ChatChannelRegistered(kind, channel, "sealed", "https://hooks.slack.com/…AbCd", team, at));
            assertThat(decider.fold(registered)).isEqualTo(new ChatChannelDecider.Channel(channel, ChatChannelDecider.Status.ACTIVE));
        }
    }

    @Test
    void registering_the_same_channel_twice_is_a_conflict_naming_the_kind() {
        ChatChannelDecider decider = new ChatChannelDecider(ChatChannelKind.TEAMS);
        ChatChannelDecider.Channel active = decider.fold(decider.decide(register(), decider.initialState()));
        assertThatThrownBy(() -> decider.decide(register(), active))
                .isInstanceOfSatisfying(Rejection.class, e -> assertThat(e.reason()).isEqualTo(Rejection.Reason.CONFLICT))
                .hasMessageContaining("Teams channel");
    }

    @Test
    void a_channel_is_disabled_once_and_can_still_be_removed_after_which_it_is_gone() {
        ChatChannelDecider decider = new ChatChannelDecider(ChatChannelKind.SLACK);
        List<ChatChannelEvent> registered = decider.decide(register(), decider.initialState());
        ChatChannelDecider.Channel active = decider.fold(registered);

        List<ChatChannelEvent> disabled = decider.decide(new ChatChannelDecider.Disable("Slack answered 410 Gone", at), active);
        assertThat(disabled).containsExactly(new ChatChannelDisabled(ChatChannelKind.SLACK, channel, "Slack answered 410 Gone", at));
        ChatChannelDecider.Channel off = decider.fold(List.of(registered.get(0), disabled.get(0)));
        assertThat(off.status()).isEqualTo(ChatChannelDecider.Status.DISABLED);
        assertThat(decider.decide(new ChatChannelDecider.Disable("again", at), off)).isEmpty();

        List<ChatChannelEvent> removed = decider.decide(new ChatChannelDecider.Remove(at), off);
        assertThat(removed).containsExactly(new ChatChannelRemoved(ChatChannelKind.SLACK, channel, at));
        ChatChannelDecider.Channel gone = decider.fold(List.of(registered.get(0), disabled.get(0), removed.get(0)));
        assertThatThrownBy(() -> decider.decide(new ChatChannelDecider.Remove(at), gone))
                .isInstanceOfSatisfying(Rejection.class, e -> assertThat(e.reason()).isEqualTo(Rejection.Reason.NOT_FOUND));
    }

    @Test
    void an_unknown_channel_cannot_be_disabled_or_removed() {
        ChatChannelDecider decider = new ChatChannelDecider(ChatChannelKind.SLACK);
        assertThatThrownBy(() -> decider.decide(new ChatChannelDecider.Disable("gone", at), decider.initialState()))
                .isInstanceOfSatisfying(Rejection.class, e -> assertThat(e.reason()).isEqualTo(Rejection.Reason.NOT_FOUND));
        assertThatThrownBy(() -> decider.decide(new ChatChannelDecider.Remove(at), decider.initialState()))
                .isInstanceOfSatisfying(Rejection.class, e -> assertThat(e.reason()).isEqualTo(Rejection.Reason.NOT_FOUND));
    }

    @Test
    void the_kind_is_stored_by_its_channel_name_and_events_migrated_from_the_old_names_decode() throws Exception {
        JsonNode written = JSON.valueToTree(new ChatChannelRemoved(ChatChannelKind.TEAMS, channel, at));
        assertThat(written.path("kind").asText()).isEqualTo("teams");
        // a SlackChannelRegistered payload as stored before, with the kind V107 adds
        String migrated = "{\"channelId\": \"" + channel + "\", \"sealedUrl\": \"sealed\", \"urlHint\": \"h\", \"teamId\": null, "
                + "\"registeredAt\": \"2026-11-25T09:00:00Z\", \"kind\": \"slack\"}";
        assertThat(JSON.readValue(migrated, ChatChannelRegistered.class))
                .isEqualTo(new ChatChannelRegistered(ChatChannelKind.SLACK, channel, "sealed", "h", null, at));
    }

    @Test
    void a_hint_keeps_the_host_and_four_characters_of_the_path_and_for_teams_of_the_signed_query() {
        URI slack = URI.create("https://hooks.slack.com/services/T000/B000/XXXXAbCd");
        assertThat(ChatChannelKind.SLACK.hint(slack)).isEqualTo("https://hooks.slack.com/…AbCd");
        URI teams = URI.create("https://prod-00.westeurope.logic.azure.com:443/workflows/x/invoke?api-version=1&sig=XXXXWxYz");
        assertThat(ChatChannelKind.TEAMS.hint(teams)).isEqualTo("https://prod-00.westeurope.logic.azure.com:443/…WxYz");
        // Slack hints never read the query; a path of four characters or fewer shows none of it
        assertThat(ChatChannelKind.SLACK.hint(URI.create("https://hooks.slack.com/a?sig=XXXXWxYz"))).isEqualTo("https://hooks.slack.com/…");
    }
}
