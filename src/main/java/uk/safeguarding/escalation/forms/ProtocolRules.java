package uk.safeguarding.escalation.forms;

import java.util.List;
import java.util.Map;

/**
 * Rules of one protocol that span fields (e.g. "immediate risk needs the referral confirmed"),
 * checked after the form's own rules. One Spring bean per protocol.
 */
public interface ProtocolRules {

  String processKey();

  /** Violations of the values a case is started with. */
  List<Violation> checkStart(Map<String, Object> submitted);

  /** Violations of the values a task of {@code taskDefinitionKey} is completed with. */
  List<Violation> checkTask(String taskDefinitionKey, Map<String, Object> submitted);
}
