-- Insights publishes AnonymityThresholdChanged since this release (settings/TenantSettings). A tenant whose admin set
-- k before then is published once here, from the latest change on its trail, so that the other services (assessments'
-- campaign coverage) apply the k already in force, not only the next one. The rows go into the platform outbox like
-- any other event (plain JSON: the event is about no employee), and the relay sends them after this commits.
insert into outbox (tenant_id, topic, record_key, event_id, event_type, source, subject, occurred_at, payload)
select s.tenant_id, 'upright.insights', 'anonymity-threshold', gen_random_uuid(),
       'upright.insights.anonymity-threshold-changed.v1', 'urn:upright:insights', 'anonymity-threshold', now(),
       jsonb_build_object(
           'threshold', s.anonymity_threshold,
           'previousThreshold', coalesce(latest.previous_threshold, 5),
           'changedAt', to_char(coalesce(latest.changed_at, now()) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'))
  from insights_settings s
  left join lateral (select c.previous_threshold, c.changed_at
                       from insights_threshold_change c
                      where c.tenant_id = s.tenant_id
                      order by c.changed_at desc, c.id desc
                      limit 1) latest on true
 order by s.tenant_id;
