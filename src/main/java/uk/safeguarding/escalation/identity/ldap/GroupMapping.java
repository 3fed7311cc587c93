package uk.safeguarding.escalation.identity.ldap;

import java.util.HashMap;
import java.util.Map;

/**
 * Directory group names to our group IDs, from {@code ESCALATION_LDAP_GROUP_MAPPING}
 * ({@code SG-NSSAB-Police-LineManagers=nssab-police-line-manager,…}). A group not listed keeps its
 * directory name, so a directory may also name its groups exactly as we do. Translating twice
 * changes nothing more: a directory name is never one of our IDs.
 */
record GroupMapping(Map<String, String> toOurs, Map<String, String> toDirectory) {

  static GroupMapping parse(String text) {
    Map<String, String> toOurs = new HashMap<>();
    Map<String, String> toDirectory = new HashMap<>();
    if (text != null) {
      for (String pair : text.split(",")) {
        if (pair.isBlank()) {
          continue;
        }
        int eq = pair.lastIndexOf('=');
        if (eq <= 0 || eq == pair.length() - 1) {
          throw new IllegalStateException("ESCALATION_LDAP_GROUP_MAPPING: '" + pair.trim()
              + "' is not of the form {directory group name}={our group id}");
        }
        String directory = pair.substring(0, eq).trim();
        String ours = pair.substring(eq + 1).trim();
        if (toDirectory.put(ours, directory) != null) {
          throw new IllegalStateException("ESCALATION_LDAP_GROUP_MAPPING: " + ours + " is mapped twice");
        }
        toOurs.put(directory, ours);
      }
    }
    return new GroupMapping(Map.copyOf(toOurs), Map.copyOf(toDirectory));
  }

  String ourId(String directoryName) {
    return toOurs.getOrDefault(directoryName, directoryName);
  }

  String directoryName(String ourId) {
    return toDirectory.getOrDefault(ourId, ourId);
  }
}
