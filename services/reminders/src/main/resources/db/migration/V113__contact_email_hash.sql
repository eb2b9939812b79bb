-- Who sent a slash command or opened the App Home: Slack names a member, users.info gives their email, and this
-- keyed hash of it (HMAC-SHA256 under a key derived from the service's secret key) finds the employee without
-- opening every sealed email of the tenant.
alter table employee_contact add column email_hash text;
create index employee_contact_by_email on employee_contact (tenant_id, email_hash);
