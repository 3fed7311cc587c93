package uk.safeguarding.escalation.cockpit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;
import uk.safeguarding.escalation.identity.Agency;
import uk.safeguarding.escalation.identity.Partnership;
import uk.safeguarding.escalation.identity.Partnerships;

/**
 * Whose cases a Cockpit reader may see, decided by the engine's own authorizations: the protocols
 * on which they hold READ_HISTORY (auditors and business managers their partnership's,
 * administrators all). The Cases list, its export and the figures read nothing outside them.
 */
@Component
public class Oversight {

  private final Partnerships partnerships;
  private final CaseSummaries summaries;

  Oversight(Partnerships partnerships, CaseSummaries summaries) {
    this.partnerships = partnerships;
    this.summaries = summaries;
  }

  public CaseSummaries summaries() {
    return summaries;
  }

  /** The process keys of the protocols whose history the engine's current user may read. */
  public List<String> visibleKeys(ProcessEngine engine) {
    Authentication user = engine.getIdentityService().getCurrentAuthentication();
    if (user == null || user.getUserId() == null) {
      return List.of();
    }
    List<String> keys = new ArrayList<>();
    for (Partnership p : partnerships.all()) {
      if (!engine.getProcessEngineConfiguration().isAuthorizationEnabled()
          || engine.getAuthorizationService().isUserAuthorized(user.getUserId(), user.getGroupIds(),
              ProcessDefinitionPermissions.READ_HISTORY, Resources.PROCESS_DEFINITION, p.processKey())) {
        keys.add(p.processKey());
      }
    }
    return keys;
  }

  public String protocolName(String processKey) {
    return partnerships.byProcessKey(processKey).map(Partnership::name).orElse(processKey);
  }

  public String agencyName(String processKey, String agencyCode) {
    if (agencyCode == null) {
      return null;
    }
    return partnerships.byProcessKey(processKey).flatMap(p -> p.agencies().stream()
        .filter(a -> a.code().equals(agencyCode)).map(Agency::name).findFirst()).orElse(agencyCode);
  }

  /** What the filters offer this reader: their protocols with their agencies. */
  public List<Map<String, Object>> protocols(List<String> visibleKeys) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (String key : visibleKeys) {
      partnerships.byProcessKey(key).ifPresent(p -> {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("key", p.processKey());
        m.put("code", p.code());
        m.put("name", p.name());
        m.put("agencies", p.agencies().stream().map(a -> Map.of("code", a.code(), "name", a.name())).toList());
        out.add(m);
      });
    }
    return out;
  }

  /** "assessment-outcome" → "Assessment outcome". */
  public static String words(String code) {
    if (code == null || code.isEmpty()) {
      return "";
    }
    String s = code.replace('-', ' ');
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
