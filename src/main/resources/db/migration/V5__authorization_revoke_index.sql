-- Camunda asks, in every command it authorizes, whether any REVOKE authorization applies to the
-- user ("EXISTS ... WHERE TYPE_ = 2 AND ..."). There are none here unless an administrator adds
-- one, and without an index the answer "none" reads every grant, including each open task's own
-- (issue 17, queries at scale). Camunda's own table, created by the engine before Flyway runs.
CREATE INDEX IF NOT EXISTS esc_authorization_type ON act_ru_authorization (type_);
