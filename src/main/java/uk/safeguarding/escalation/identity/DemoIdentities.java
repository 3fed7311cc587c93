package uk.safeguarding.escalation.identity;

import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The fictional people of the demo profile: every role in each partnership's demo agencies
 * (partnerships.yml), and one board admin per partnership. Names are invented and addresses use the
 * reserved example.org domain; nobody named in the published procedures appears here.
 */
@Component
public class DemoIdentities {

  private static final String[] FIRST = {
      "Ada", "Bram", "Cleo", "Dev", "Edie", "Finn", "Gita", "Hal", "Iris", "Jude", "Kit", "Lena",
      "Milo", "Nia", "Omar", "Pia", "Quin", "Rhea", "Sol", "Tova", "Uma", "Vik", "Wren"};
  private static final String[] LAST = {
      "Ashdown", "Brackley", "Coldharbour", "Dunmere", "Elmsworth", "Farrowdale", "Greythorn",
      "Hollins", "Ivybridge", "Juniper", "Kestrelford", "Larkhill", "Mossbank", "Nettlecombe",
      "Oakhurst", "Pebbleton", "Quarrymoor", "Rookwood", "Sandleigh"};

  /** One demo login: user ID, display name, email, the groups it belongs to and what it is for. */
  public record DemoUser(String id, String firstName, String lastName, String email, List<String> groups, String description) {}

  private final List<DemoUser> users;

  public DemoIdentities(Partnerships partnerships) {
    this.users = List.copyOf(build(partnerships));
  }

  public List<DemoUser> all() {
    return users;
  }

  private static List<DemoUser> build(Partnerships partnerships) {
    List<DemoUser> users = new ArrayList<>();
    for (Partnership p : partnerships.all()) {
      for (String agencyCode : p.demoAgencies()) {
        Agency agency = p.agency(agencyCode);
        for (Role role : p.roles(Role.Scope.AGENCY)) {
          String id = p.code() + "." + agency.code() + "." + role.code();
          users.add(user(users.size(), id, List.of(GroupIds.partnership(p), GroupIds.agency(p, agency),
              GroupIds.agencyRole(p, agency, role)), p.code() + ": " + agency.name() + ", " + role.name()));
        }
      }
      for (Role role : p.roles(Role.Scope.PARTNERSHIP)) {
        String id = p.code() + "." + role.code();
        List<String> groups = role.staff()
            ? List.of(GroupIds.partnership(p), GroupIds.partnershipRole(p, role))
            : List.of(GroupIds.partnershipRole(p, role));
        users.add(user(users.size(), id, groups, p.code() + ": " + role.name()));
      }
    }
    // Appended after everyone else, so that the names of the users above stay as they were.
    for (Partnership p : partnerships.all()) {
      String id = p.code() + "." + GroupIds.BOARD_ADMIN_ROLE;
      users.add(user(users.size(), id, List.of(GroupIds.boardAdmin(p)), p.code() + ": Board admin (deploys its diagrams)"));
    }
    return users;
  }

  private static DemoUser user(int index, String id, List<String> groups, String description) {
    String first = FIRST[index % FIRST.length];
    String last = LAST[(index * 7) % LAST.length];
    return new DemoUser(id, first, last, id + "@example.org", groups, description);
  }
}
