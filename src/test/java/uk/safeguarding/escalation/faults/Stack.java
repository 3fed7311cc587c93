package uk.safeguarding.escalation.faults;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import uk.safeguarding.escalation.support.AppProcess;
import uk.safeguarding.escalation.support.SmtpServer;
import uk.safeguarding.escalation.support.StoppablePostgres;

/**
 * What a drill runs against: PostgreSQL (the Maven artifact's binaries), an SMTP server (GreenMail)
 * and one node, the packaged jar in its own JVM, configured by environment as in production (the
 * demo profile only for its logins).
 */
final class Stack implements AutoCloseable {

  /**
   * A job locked by a node that is then killed waits this long before another start of a node takes
   * it (Camunda's default is 5 minutes); still far above the SMTP timeouts (5 s + 10 s) and the
   * notification log's 60 s of keeping a DELIVERED entry through an outage.
   */
  static final String LOCK_TIME_MILLIS = "120000";

  final StoppablePostgres postgres = new StoppablePostgres();
  final SmtpServer smtp = new SmtpServer();
  final AppProcess node;

  Stack(String name, Map<String, String> environment) {
    postgres.start();
    smtp.start();
    Map<String, String> env = new HashMap<>(postgres.springEnvironment());
    env.put("SPRING_PROFILES_ACTIVE", "demo");
    env.put("ESCALATION_NOTIFICATION_CHANNEL", "email");
    env.put("SPRING_MAIL_HOST", "127.0.0.1");
    env.put("SPRING_MAIL_PORT", Integer.toString(smtp.port()));
    env.put("CAMUNDA_BPM_JOBEXECUTION_LOCKTIMEINMILLIS", LOCK_TIME_MILLIS);
    env.putAll(environment);
    node = AppProcess.jar(name, List.of("-Xmx768m"), env);
  }

  @Override
  public void close() {
    node.close();
    try {
      smtp.stop();
    } catch (RuntimeException alreadyStopped) {
      // a drill may end with the mail server down
    }
    postgres.close();
  }
}
