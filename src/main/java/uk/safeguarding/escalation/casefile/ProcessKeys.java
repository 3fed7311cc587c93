package uk.safeguarding.escalation.casefile;

/** The process key of a process definition ID. */
public final class ProcessKeys {

  private ProcessKeys() {}

  /** Definition IDs are "key:version:id". */
  public static String of(String processDefinitionId) {
    int colon = processDefinitionId.indexOf(':');
    return colon < 0 ? processDefinitionId : processDefinitionId.substring(0, colon);
  }
}
