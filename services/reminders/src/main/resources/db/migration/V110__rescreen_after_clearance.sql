-- Cleared by a clinician (issue 12): the employee is asked to take the safety check again by rescreen_by. The prompt
-- is personal (GET /api/me/reminders), never an employer-channel message: who was cleared is health data.
-- cleared_at is the clearance's declaredAt, screened_at the newest assessment's completedAt: a re-screen is due while
-- rescreen_by has come and no assessment followed the clearance, whatever order the two facts arrive in.
alter table employee_routine add column rescreen_by date;
alter table employee_routine add column cleared_at timestamptz;
alter table employee_routine add column screened_at timestamptz;
