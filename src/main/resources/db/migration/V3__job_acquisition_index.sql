-- Job acquisition by due date (application.yml: job-executor-acquire-by-due-date with
-- ensure-job-due-date-not-null) asks ACT_RU_JOB for "DUEDATE_ <= now ORDER BY DUEDATE_": the index
-- Camunda's job executor documentation recommends for that ordering. Without it every acquisition
-- reads every job, including the two future deadline timers each open case keeps (README
-- "Performance"). Camunda's own table, created by the engine before Flyway runs (MigrationOrder).
CREATE INDEX IF NOT EXISTS esc_job_duedate ON act_ru_job (duedate_);
