package uk.safeguarding.escalation.identity;

import static uk.safeguarding.escalation.identity.Agency.*;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The fictional people of the demo profile: every role in at least two agencies of every
 * partnership. Names are invented and addresses use the reserved example.org domain; nobody named
 * in the published procedures appears here.
 */
public final class DemoIdentities {

  /** Agencies staffed with demo users, per partnership. */
  static final Map<Partnership, List<Agency>> DEMO_AGENCIES = new LinkedHashMap<>();

  static {
    DEMO_AGENCIES.put(Partnership.NEL, List.of(LA_CHILDRENS, LA_ADULTS, HEALTH));
    DEMO_AGENCIES.put(Partnership.BDSCP, List.of(LA_CHILDRENS, POLICE));
    DEMO_AGENCIES.put(Partnership.LLR, List.of(LA_CHILDRENS, HEALTH));
    DEMO_AGENCIES.put(Partnership.NSSAB, List.of(LA_ADULTS, HEALTH, POLICE));
    DEMO_AGENCIES.put(Partnership.BSCP, List.of(LA_CHILDRENS, EDUCATION));
  }

  private static final String[] FIRST = {
      "Ada", "Bram", "Cleo", "Dev", "Edie", "Finn", "Gita", "Hal", "Iris", "Jude", "Kit", "Lena",
      "Milo", "Nia", "Omar", "Pia", "Quin", "Rhea", "Sol", "Tova", "Uma", "Vik", "Wren"};
  private static final String[] LAST = {
      "Ashdown", "Brackley", "Coldharbour", "Dunmere", "Elmsworth", "Farrowdale", "Greythorn",
      "Hollins", "Ivybridge", "Juniper", "Kestrelford", "Larkhill", "Mossbank", "Nettlecombe",
      "Oakhurst", "Pebbleton", "Quarrymoor", "Rookwood", "Sandleigh"};

  /** One demo login: user ID, display name, email, the groups it belongs to and what it is for. */
  public record DemoUser(String id, String firstName, String lastName, String email, List<String> groups, String description) {}

  private DemoIdentities() {}

  public static List<DemoUser> all() {
    List<DemoUser> users = new ArrayList<>();
    DEMO_AGENCIES.forEach((p, agencies) -> {
      for (Agency agency : agencies) {
        for (Role role : Role.values()) {
          if (role.scope() == Role.Scope.AGENCY) {
            String id = p.code() + "." + agency.code() + "." + role.code();
            users.add(user(users.size(), id, List.of(GroupIds.partnership(p), GroupIds.agency(p, agency),
                GroupIds.agencyRole(p, agency, role)), p.code() + ": " + agency.displayName() + ", " + role.displayName()));
          }
        }
      }
      for (Role role : Role.values()) {
        if (role.scope() == Role.Scope.PARTNERSHIP) {
          String id = p.code() + "." + role.code();
          // Auditors only read history in Cockpit; the others also work cases in Tasklist.
          List<String> groups = role == Role.AUDITOR
              ? List.of(GroupIds.partnershipRole(p, role))
              : List.of(GroupIds.partnership(p), GroupIds.partnershipRole(p, role));
          users.add(user(users.size(), id, groups, p.code() + ": " + role.displayName()));
        }
      }
    });
    return users;
  }

  public static Stream<DemoUser> stream() {
    return all().stream();
  }

  private static DemoUser user(int index, String id, List<String> groups, String description) {
    String first = FIRST[index % FIRST.length];
    String last = LAST[(index * 7) % LAST.length];
    return new DemoUser(id, first, last, id + "@example.org", groups, description);
  }
}
