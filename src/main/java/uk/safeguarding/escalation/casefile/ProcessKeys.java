package uk.safeguarding.escalation.casefile;

/** The process key of a process definition ID. */
public final class ProcessKeys {

  private ProcessKeys() {}

  /** A protocol's process key is "{partnership}-escalation". */
  public static final String PROTOCOL_KEY_SUFFIX = "-escalation";

  /** The partnership code of a protocol's process definition ID, e.g. "nssab". */
  public static String partnership(String processDefinitionId) {
    String key = of(processDefinitionId);
    return key.endsWith(PROTOCOL_KEY_SUFFIX) ? key.substring(0, key.length() - PROTOCOL_KEY_SUFFIX.length()) : key;
  }

  /** Definition IDs are "key:version:id". */
  public static String of(String processDefinitionId) {
    int colon = processDefinitionId.indexOf(':');
    return colon < 0 ? processDefinitionId : processDefinitionId.substring(0, colon);
  }
}
