-- Version 4 on PostgreSQL adds planner statistics on ACT_RU_AUTHORIZATION (see
-- db/vendor/postgresql/V4__authorization_statistics.sql); H2 has no such statistics. This empty
-- migration keeps the version history the same on both.
SELECT 1;
