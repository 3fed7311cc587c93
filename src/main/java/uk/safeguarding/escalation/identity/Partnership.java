package uk.safeguarding.escalation.identity;

import static uk.safeguarding.escalation.identity.Agency.*;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The five partnerships and the agencies that sit on each. The process key is the public contract
 * of ../shared/protocols/README.md and must not change.
 */
public enum Partnership {
  NEL("nel", "nel-escalation", "North East Lincolnshire LSCB and SAB",
      List.of(LA_CHILDRENS, LA_ADULTS, HEALTH, POLICE, EDUCATION, PROBATION, VOLUNTARY, HOUSING)),
  BDSCP("bdscp", "bdscp-escalation", "Barking and Dagenham Safeguarding Children Partnership",
      List.of(LA_CHILDRENS, HEALTH, POLICE, EDUCATION, PROBATION, VOLUNTARY, HOUSING)),
  LLR("llr", "llr-escalation", "Leicester, Leicestershire and Rutland LSCB",
      List.of(LA_CHILDRENS, HEALTH, POLICE, EDUCATION, PROBATION, VOLUNTARY, HOUSING)),
  NSSAB("nssab", "nssab-escalation", "North Somerset Safeguarding Adults Board",
      List.of(LA_ADULTS, HEALTH, POLICE, PROBATION, VOLUNTARY, HOUSING)),
  BSCP("bscp", "bscp-escalation", "Buckinghamshire Safeguarding Children Partnership",
      List.of(LA_CHILDRENS, HEALTH, POLICE, EDUCATION, PROBATION, VOLUNTARY, HOUSING));

  private final String code;
  private final String processKey;
  private final String displayName;
  private final List<Agency> agencies;

  Partnership(String code, String processKey, String displayName, List<Agency> agencies) {
    this.code = code;
    this.processKey = processKey;
    this.displayName = displayName;
    this.agencies = agencies;
  }

  public String code() {
    return code;
  }

  public String processKey() {
    return processKey;
  }

  public String displayName() {
    return displayName;
  }

  public List<Agency> agencies() {
    return agencies;
  }

  public boolean hasAgency(String agencyCode) {
    return agencies.stream().anyMatch(a -> a.code().equals(agencyCode));
  }

  public static Optional<Partnership> byProcessKey(String processKey) {
    return Stream.of(values()).filter(p -> p.processKey.equals(processKey)).findFirst();
  }
}
