-- The notification log, exactly as db/escalation-schema.sql created it before Flyway. IF NOT
-- EXISTS: a database of that version already has it, and Flyway then only records this version.
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
