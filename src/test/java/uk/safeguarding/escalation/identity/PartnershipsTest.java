package uk.safeguarding.escalation.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;

/** The partnerships file: what start-up reads, and the sentence a mistake in it stops start-up with. */
class PartnershipsTest {

  @Test
  void theBuiltInFileKeepsThePublicProcessKeysAndGroupShapes() {
    Partnerships partnerships = Partnerships.load(new ClassPathResource(PartnershipsConfiguration.BUILT_IN));
    assertThat(partnerships.all()).extracting(Partnership::processKey)
        .containsExactly("nel-escalation", "bdscp-escalation", "llr-escalation", "nssab-escalation", "bscp-escalation");
    Partnership nssab = partnerships.byProcessKey("nssab-escalation").orElseThrow();
    Role lineManager = nssab.roles(Role.Scope.AGENCY).stream().filter(r -> r.code().equals("line-manager")).findFirst().orElseThrow();
    assertThat(GroupIds.agencyRole(nssab, nssab.agency("police"), lineManager)).isEqualTo("nssab-police-line-manager");
    assertThat(GroupIds.boardAdmin(nssab)).isEqualTo("nssab-board-admin");
    assertThat(nssab.roles()).filteredOn(Role::cockpit).extracting(Role::code).containsExactly("business-manager", "auditor");
    assertThat(nssab.roles()).filteredOn(r -> !r.staff()).extracting(Role::code).containsExactly("auditor");
  }

  @Test
  void aMistakeStopsStartUpNamingIt() {
    assertThatThrownBy(() -> load("""
        escalation:
          roles: [{ code: practitioner, name: Practitioner, scope: agency }]
          partnerships:
            - { code: wssp, name: Westshire, process-key: wssp-escalation,
                agencies: [{ code: police, name: Police }], demo-agencies: [fire] }
        """)).hasRootCauseMessage("Partnerships configuration: partnership 'wssp': demo agency fire is not one of its agencies");
    assertThatThrownBy(() -> load("""
        escalation:
          roles: [{ code: board-admin, name: Board admin, scope: partnership }]
          partnerships:
            - { code: wssp, name: Westshire, process-key: wssp-escalation, agencies: [{ code: police, name: Police }] }
        """)).hasRootCauseMessage("Partnerships configuration: partnership 'wssp': role board-admin is reserved");
    assertThatThrownBy(() -> load("""
        escalation:
          roles: [{ code: practitioner, name: Practitioner, scope: agency }]
          partnerships:
            - { code: west-shire, name: Westshire, process-key: wssp-escalation, agencies: [{ code: police, name: Police }] }
        """)).hasRootCauseMessage("Partnerships configuration: partnership 'west-shire': code must match [a-z0-9]+");
  }

  private static Partnerships load(String yaml) {
    return Partnerships.load(new ByteArrayResource(yaml.getBytes(StandardCharsets.UTF_8), "test partnerships file"));
  }
}
