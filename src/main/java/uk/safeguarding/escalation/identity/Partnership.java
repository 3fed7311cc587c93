package uk.safeguarding.escalation.identity;

import java.util.List;

/**
 * A safeguarding partnership as configured in partnerships.yml: its code (the prefix of its
 * groups, users and forms), its protocol's process key, the agencies that sit on it and its roles.
 *
 * @param demoAgencies agencies given fictional users in the demo profile
 * @param roles        the partnership's own roles; when absent, the shared {@code escalation.roles}
 */
public record Partnership(String code, String name, String processKey, List<Agency> agencies,
    List<String> demoAgencies, List<Role> roles) {

  public Partnership {
    agencies = agencies == null ? List.of() : List.copyOf(agencies);
    demoAgencies = demoAgencies == null ? List.of() : List.copyOf(demoAgencies);
    roles = roles == null ? List.of() : List.copyOf(roles);
  }

  public boolean hasAgency(String agencyCode) {
    return agencies.stream().anyMatch(a -> a.code().equals(agencyCode));
  }

  public Agency agency(String agencyCode) {
    return agencies.stream().filter(a -> a.code().equals(agencyCode)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException(code + " has no agency " + agencyCode));
  }

  public List<Role> roles(Role.Scope scope) {
    return roles.stream().filter(r -> r.scope() == scope).toList();
  }

  Partnership withRoles(List<Role> shared) {
    return roles.isEmpty() ? new Partnership(code, name, processKey, agencies, demoAgencies, shared) : this;
  }
}
