-- Issue 17 (queries at scale). Every task query under authorization (Tasklist's filters) joins
-- ACT_RU_AUTHORIZATION on "RESOURCE_ID_ IN (task id, process key, '*')" filtered by
-- "PERMS_ & <permission> = <permission>". PostgreSQL has no statistics for that bit test and
-- guesses 0.5 % of the rows match, so it plans the join as a loop over a materialized scan: every
-- candidate task compared with every authorization the user's groups hold (one per task, from
-- Camunda's default grants) — quadratic: 0.9 s with 1 700 tasks in a group, minutes with 15 000.
-- Statistics on the two bit tests (READ on a task, READ_TASK on a process definition) give the
-- planner the true counts; it then probes the RESOURCE_ID_ index per task (0.09 s with 1 700).
-- PostgreSQL only (H2 has no CREATE STATISTICS, and its planner is not the one affected): see
-- db/vendor/h2 for the same version there.
CREATE STATISTICS IF NOT EXISTS esc_auth_perms_read ON (perms_ & 2) FROM act_ru_authorization;
CREATE STATISTICS IF NOT EXISTS esc_auth_perms_read_task ON (perms_ & 64) FROM act_ru_authorization;
ANALYZE act_ru_authorization;
