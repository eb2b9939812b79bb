-- Slack and Teams channels now share one lifecycle (ChatChannelDecider) and one event family, ChatChannelEvent,
-- whose records carry the channel's kind. Each kind keeps its own stream type (slack-channel, teams-channel) and
-- its own read-model table; only the stored event names change. The event store decodes by record name, so the
-- events stored before take the new names (SlackChannelRegistered -> ChatChannelRegistered, ...) and gain their
-- kind as the records write it ("slack" or "teams"). SET reads the old row, so both columns see the old name.
update event_store
   set event_type = regexp_replace(event_type, '^(Slack|Teams)Channel', 'ChatChannel'),
       payload    = payload || jsonb_build_object('kind', lower(substring(event_type from '^(Slack|Teams)')))
 where stream_type in ('slack-channel', 'teams-channel')
   and event_type ~ '^(Slack|Teams)Channel(Registered|Disabled|Removed)$';
