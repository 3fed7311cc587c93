-- Test fixture: db/escalation-schema.sql as it was on main before Flyway (run at every start by spring.sql.init).
-- Tables of the application itself (Camunda creates its own). Runs at every start; idempotent.
CREATE TABLE IF NOT EXISTS esc_notification_log (
  id VARCHAR(36) PRIMARY KEY,
  notification_key VARCHAR(64) NOT NULL,
  process_instance_id VARCHAR(64),
  case_reference VARCHAR(255),
  kind VARCHAR(40) NOT NULL,
  recipient_user_id VARCHAR(255) NOT NULL,
  recipient_address VARCHAR(320),
  channel VARCHAR(20) NOT NULL,
  status VARCHAR(20) NOT NULL,
  detail VARCHAR(1000),
  created_at TIMESTAMP NOT NULL
);
CREATE INDEX IF NOT EXISTS esc_notification_log_key ON esc_notification_log (notification_key);
CREATE INDEX IF NOT EXISTS esc_notification_log_pi ON esc_notification_log (process_instance_id);

-- One row per case: the read model behind Cockpit's Cases list and board monitoring
-- (cockpit/CaseSummaryHistoryHandler keeps it from the engine's history events, in the case's own
-- transaction). Figures only: no names, no dispute text.
CREATE TABLE IF NOT EXISTS esc_case_summary (
  process_instance_id VARCHAR(64) PRIMARY KEY,
  process_key VARCHAR(255) NOT NULL,
  case_reference VARCHAR(255),
  state VARCHAR(20) NOT NULL,
  opened_at TIMESTAMP,
  closed_at TIMESTAMP,
  current_stage INTEGER,
  highest_stage INTEGER,
  resolved_at_stage INTEGER,
  raising_agency VARCHAR(64),
  receiving_agency VARCHAR(64),
  disagreement_category VARCHAR(64),
  risk_level VARCHAR(32),
  subject_type VARCHAR(16),
  working_days_to_resolution INTEGER,
  breaches INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS esc_case_summary_key_opened ON esc_case_summary (process_key, opened_at);
CREATE INDEX IF NOT EXISTS esc_case_summary_key_state ON esc_case_summary (process_key, state);

-- Each deadline that passed: a timer boundary event (or a timer-started event sub-process) that fired.
CREATE TABLE IF NOT EXISTS esc_case_breach (
  id VARCHAR(64) PRIMARY KEY,
  process_instance_id VARCHAR(64) NOT NULL,
  process_key VARCHAR(255) NOT NULL,
  stage INTEGER,
  activity_id VARCHAR(255),
  breached_at TIMESTAMP
);
CREATE INDEX IF NOT EXISTS esc_case_breach_pi ON esc_case_breach (process_instance_id);
CREATE INDEX IF NOT EXISTS esc_case_notification_kind ON esc_notification_log (process_instance_id, kind);
