package uk.safeguarding.escalation.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import uk.safeguarding.escalation.support.RunningApp;

/** The identity model of README "Identity model", as the demo profile creates it. */
@SpringBootTest
class IdentityModelTest {

  @DynamicPropertySource
  static void dataDir(DynamicPropertyRegistry registry) {
    registry.add("escalation.data-dir", () -> RunningApp.newDataDir().toString());
  }

  @Autowired
  IdentityService identityService;

  @Autowired
  AuthorizationService authorizationService;

  @Autowired
  Partnerships partnerships;

  @Autowired
  DemoIdentities demoIdentities;

  @Test
  void everyAgencyRoleOfEveryPartnershipIsACandidateGroup() {
    for (Partnership p : partnerships.all()) {
      for (Agency agency : p.agencies()) {
        for (Role role : p.roles(Role.Scope.AGENCY)) {
          String id = GroupIds.agencyRole(p, agency, role);
          assertThat(identityService.createGroupQuery().groupId(id).count()).as(id).isEqualTo(1);
        }
      }
    }
    Group lineManagers = identityService.createGroupQuery().groupId("nssab-police-line-manager").singleResult();
    assertThat(lineManagers.getName()).isEqualTo("North Somerset Safeguarding Adults Board: Police: Line manager");
  }

  @Test
  void lineManagersOfTheRaisingAgencyAreFoundThroughTheirGroup() {
    // What a diagram's candidateGroups="nssab-${raisingAgency}-line-manager" resolves to.
    List<User> members = identityService.createUserQuery().memberOfGroup("nssab-police-line-manager").list();
    assertThat(members).extracting(User::getId).containsExactly("nssab.police.line-manager");
    assertThat(members.get(0).getEmail()).isEqualTo("nssab.police.line-manager@example.org");
  }

  @Test
  void everyRoleHasDemoUsersInAtLeastTwoAgenciesOfEveryPartnership() {
    for (Partnership p : partnerships.all()) {
      for (Role role : p.roles()) {
        if (role.scope() == Role.Scope.AGENCY) {
          long agenciesWithUser = p.agencies().stream()
              .filter(a -> identityService.createUserQuery().memberOfGroup(GroupIds.agencyRole(p, a, role)).count() > 0)
              .count();
          assertThat(agenciesWithUser).as(p + " " + role).isGreaterThanOrEqualTo(2);
        } else {
          assertThat(identityService.createUserQuery().memberOfGroup(GroupIds.partnershipRole(p, role)).count())
              .as(p + " " + role).isPositive();
        }
      }
    }
    assertThat(identityService.checkPassword("nssab.la-adults.practitioner", "demo")).isTrue();
    assertThat(identityService.createUserQuery().memberOfGroup(GroupIds.ADMIN).list()).extracting(User::getId)
        .containsExactly("admin");
  }

  @Test
  void staffMayStartAndReadOnlyTheirPartnershipsProtocol() {
    List<String> groups = groupsOf("nssab.police.practitioner");
    assertThat(authorizationService.isUserAuthorized("nssab.police.practitioner", groups,
        ProcessDefinitionPermissions.CREATE_INSTANCE, Resources.PROCESS_DEFINITION, "nssab-escalation")).isTrue();
    assertThat(authorizationService.isUserAuthorized("nssab.police.practitioner", groups,
        ProcessDefinitionPermissions.READ, Resources.PROCESS_DEFINITION, "bdscp-escalation")).isFalse();
    assertThat(authorizationService.isUserAuthorized("nssab.police.practitioner", groups,
        Permissions.ACCESS, Resources.APPLICATION, "cockpit")).isFalse();
  }

  @Test
  void auditorsReadHistoryOfTheirPartnershipOnlyAndCannotStartCases() {
    List<String> groups = groupsOf("nssab.auditor");
    assertThat(authorizationService.isUserAuthorized("nssab.auditor", groups,
        ProcessDefinitionPermissions.READ_HISTORY, Resources.PROCESS_DEFINITION, "nssab-escalation")).isTrue();
    assertThat(authorizationService.isUserAuthorized("nssab.auditor", groups,
        ProcessDefinitionPermissions.READ_HISTORY, Resources.PROCESS_DEFINITION, "llr-escalation")).isFalse();
    assertThat(authorizationService.isUserAuthorized("nssab.auditor", groups,
        ProcessDefinitionPermissions.CREATE_INSTANCE, Resources.PROCESS_DEFINITION, "nssab-escalation")).isFalse();
  }

  @Test
  void idsOutsideTheNamingPatternAreRefused() {
    assertThatThrownBy(() -> identityService.saveGroup(identityService.newGroup("Bad Group")))
        .isInstanceOf(ProcessEngineException.class).hasMessageContaining("Bad Group");
    assertThatThrownBy(() -> identityService.saveUser(identityService.newUser("<script>")))
        .isInstanceOf(ProcessEngineException.class);
  }

  @Test
  void readmeListsEveryDemoLogin() throws IOException {
    String readme = Files.readString(Path.of("README.md"));
    demoIdentities.all().forEach(u -> assertThat(readme).as(u.id()).contains("| `" + u.id() + "` |"));
  }

  @Test
  void demoAddressesUseTheReservedExampleDomain() {
    // Real officers' names are kept out of the repository by the pre-stop check (git grep).
    assertThat(demoIdentities.all()).extracting(DemoIdentities.DemoUser::email)
        .allSatisfy(email -> assertThat(email).endsWith("@example.org"))
        .doesNotHaveDuplicates();
  }

  private List<String> groupsOf(String userId) {
    return identityService.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
  }
}
