-- Cockpit's read model (issue 15), exactly as db/escalation-schema.sql created it on main before
-- Flyway. IF NOT EXISTS: a database of that version already has it; a new one gets it here.

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
