package uk.safeguarding.escalation.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import uk.safeguarding.escalation.support.RunningApp;

/** The production profile has no demo identities and no default password. */
class ProductionProfileTest {

  @Test
  void refusesToStartWithoutAdminCredentials() {
    assertThatThrownBy(() -> RunningApp.start("prod", "escalation.data-dir=" + RunningApp.newDataDir(),
            "escalation.admin.user=", "escalation.admin.password="))
        .isInstanceOf(ProductionCredentialsCheck.MissingAdminCredentialsException.class)
        .hasMessage("Production profile: set ESCALATION_ADMIN_USER and ESCALATION_ADMIN_PASSWORD (the admin login); there is no default.");
  }

  @Test
  void refusesToStartWithOnlyAUser() {
    assertThatThrownBy(() -> RunningApp.start("prod", "escalation.data-dir=" + RunningApp.newDataDir(),
            "escalation.admin.user=opsadmin", "escalation.admin.password="))
        .isInstanceOf(ProductionCredentialsCheck.MissingAdminCredentialsException.class);
  }

  @Test
  void startsWithAdminCredentialsAndNoDemoUsers() {
    try (RunningApp app = RunningApp.start("prod", "escalation.data-dir=" + RunningApp.newDataDir(),
        "escalation.admin.user=opsadmin", "escalation.admin.password=Correct-Horse-7-Battery")) {
      assertThat(app.engine().getIdentityService().createUserQuery().list())
          .extracting(u -> u.getId()).containsExactly("opsadmin");
      assertThat(app.http().as("opsadmin", "Correct-Horse-7-Battery").get("/engine-rest/process-definition").statusCode())
          .isEqualTo(200);
      assertThat(app.http().as("admin", "demo").get("/engine-rest/process-definition").statusCode()).isEqualTo(401);
      // Groups exist for routing even though nobody is in them yet.
      assertThat(app.engine().getIdentityService().createGroupQuery().groupId("nssab-police-line-manager").count())
          .isEqualTo(1);
    }
  }
}
