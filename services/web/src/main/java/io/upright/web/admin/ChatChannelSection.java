package io.upright.web.admin;

import io.upright.web.page.ServiceProblem;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * One kind of chat channel on the channels page (reminders' {@code /api/slack-channels}, {@code /api/teams-channels}),
 * in the page's words: its channels by URL hint and team, and its add form with what was typed and each field's
 * error. Both kinds' forms are on one page, so their inputs carry the kind ({@code field-slack-webhookUrl}).
 *
 * @param teamsUnknown programs could not list the teams: only the whole organisation can be chosen
 */
public record ChatChannelSection(String kind, String heading, String receives, String caption, String empty,
                                 String addHeading, String urlLabel, String urlHint, String teamHint, String add,
                                 List<Row> channels, List<TeamOption> teams, boolean teamsUnknown, String typedUrl,
                                 String urlError, String teamError) {

    static final String URL_FIELD = "webhookUrl";
    static final String TEAM_FIELD = "teamId";

    /** The kinds, as reminders names them in its paths. */
    enum Kind {
        SLACK("slack", "Slack"), TEAMS("teams", "Teams");

        final String path;
        /** The tool's name, the same in every language. */
        final String product;

        Kind(String path, String product) {
            this.path = path;
            this.product = product;
        }

        static Optional<Kind> of(String path) {
            for (Kind kind : values()) {
                if (kind.path.equals(path)) {
                    return Optional.of(kind);
                }
            }
            return Optional.empty();
        }

        /** The page's name of a field reminders names: {@code webhookUrl} of Slack is {@code slack-webhookUrl}. */
        String field(String serviceField) {
            return path + "-" + serviceField;
        }

        /**
         * Reminders' refusal with its fields renamed to this kind's inputs; a refusal naming no field is about the URL
         * (the only thing typed), so it is said there too. A 403 or a service that did not answer stays page-wide.
         */
        ServiceProblem onForm(ServiceProblem problem) {
            List<ServiceProblem.FieldError> errors = problem.fieldErrors().stream()
                    .map(e -> new ServiceProblem.FieldError(field(e.field()), e.message())).toList();
            if (errors.isEmpty() && problem.status() < 500 && problem.status() != 403) {
                errors = List.of(new ServiceProblem.FieldError(field(URL_FIELD), problem.detail()));
            }
            return new ServiceProblem(problem.status(), problem.title(), problem.detail(), errors);
        }
    }

    /** What the admin typed into one kind's form, shown again with its errors. */
    record Typed(Kind kind, String webhookUrl, String teamId) {
    }

    /** One channel: never its URL, only the hint reminders lists. */
    public record Row(UUID id, String hint, String team, String status, Instant createdAt, String deleteLabel) {
    }

    public record TeamOption(String id, String name, boolean selected) {
    }

    /**
     * @param teams the tenant's teams by id, in programs' order; null when programs could not list them
     * @param typed what was typed into a form of the page, or null
     */
    static ChatChannelSection of(Kind kind, List<RemindersAdminApi.ChatChannel> channels, Map<UUID, String> teams,
                                 Typed typed, ServiceProblem problem, AdminMessages texts) {
        boolean mine = typed != null && typed.kind() == kind;
        String chosenTeam = mine && typed.teamId() != null ? typed.teamId() : "";
        List<Row> rows = channels.stream().map(c -> new Row(c.id(), c.webhookUrlHint(), teamName(c.teamId(), teams, texts),
                status(c.status(), texts), c.createdAt(), texts.deleteChatChannelLabel(kind.product, c.webhookUrlHint())))
                .toList();
        List<TeamOption> options = teams == null ? List.of() : teams.entrySet().stream()
                .map(t -> new TeamOption(t.getKey().toString(), t.getValue(), t.getKey().toString().equals(chosenTeam)))
                .toList();
        String urlError = problem == null ? null : problem.at(kind.field(URL_FIELD)).orElse(null);
        String teamError = problem == null ? null : problem.at(kind.field(TEAM_FIELD)).orElse(null);
        boolean slack = kind == Kind.SLACK;
        String teamHint = slack ? texts.slackChannelTeamHint() : texts.teamsChannelTeamHint();
        if (teams == null) {
            teamHint = teamHint + " " + texts.chatTeamsUnavailable();
        }
        return new ChatChannelSection(kind.path,
                slack ? texts.slackChannelsHeading() : texts.teamsChannelsHeading(),
                slack ? texts.slackChannelsReceives() : texts.teamsChannelsReceives(),
                slack ? texts.slackChannelsCaption() : texts.teamsChannelsCaption(),
                slack ? texts.noSlackChannels() : texts.noTeamsChannels(),
                slack ? texts.addSlackChannelHeading() : texts.addTeamsChannelHeading(),
                slack ? texts.slackChannelUrlLabel() : texts.teamsChannelUrlLabel(),
                slack ? texts.slackChannelUrlHint() : texts.teamsChannelUrlHint(),
                teamHint,
                slack ? texts.addSlackChannel() : texts.addTeamsChannel(),
                rows, options, teams == null, mine ? typed.webhookUrl() : "", urlError, teamError);
    }

    /** A team no longer listed (or teams not readable just now) is shown by its id rather than hidden. */
    private static String teamName(UUID teamId, Map<UUID, String> teams, AdminMessages texts) {
        if (teamId == null) {
            return texts.chatWholeOrganisation();
        }
        String name = teams == null ? null : teams.get(teamId);
        return name == null ? teamId.toString() : name;
    }

    private static String status(String status, AdminMessages texts) {
        if ("active".equals(status)) {
            return texts.statusActive();
        }
        if ("disabled".equals(status)) {
            return texts.statusDisabled();
        }
        return status;
    }
}
