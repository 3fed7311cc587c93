package uk.safeguarding.escalation.identity.ldap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import java.net.http.HttpResponse;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.safeguarding.escalation.support.Http;
import uk.safeguarding.escalation.support.Jobs;
import uk.safeguarding.escalation.support.NssabCases;
import uk.safeguarding.escalation.support.RunningApp;

/**
 * The production profile on our Camunda 7.24 engine with Camunda's LDAP plugin (7.23.0) against an
 * in-memory directory of fictional people whose groups have the directory's own names.
 */
class LdapIdentityTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String BASE = "dc=westshire,dc=example";
  static final String MAPPING = "SG-NSSAB-Staff=nssab,SG-NSSAB-Police=nssab-police,"
      + "SG-NSSAB-Police-Practitioners=nssab-police-practitioner,"
      + "SG-NSSAB-Police-LineManagers=nssab-police-line-manager,Escalation-Admins=camunda-admin";

  static InMemoryDirectoryServer directory;
  static RunningApp app;
  static ProcessEngine engine;

  @BeforeAll
  static void start() throws Exception {
    InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(BASE);
    config.addAdditionalBindCredentials("cn=escalation-reader," + BASE, "Reader-Secret-1");
    config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap", 0));
    directory = new InMemoryDirectoryServer(config);
    directory.add("dn: " + BASE, "objectClass: domain", "dc: westshire");
    directory.add("dn: ou=people," + BASE, "objectClass: organizationalUnit", "ou: people");
    directory.add("dn: ou=groups," + BASE, "objectClass: organizationalUnit", "ou: groups");
    person("pat.quill", "Pat", "Quill");      // a police practitioner
    person("lee.marsh", "Lee", "Marsh");      // a police line manager
    person("ira.stone", "Ira", "Stone");      // an administrator
    group("SG-NSSAB-Staff", "pat.quill", "lee.marsh");
    group("SG-NSSAB-Police", "pat.quill", "lee.marsh");
    group("SG-NSSAB-Police-Practitioners", "pat.quill");
    group("SG-NSSAB-Police-LineManagers", "lee.marsh");
    group("Escalation-Admins", "ira.stone");
    directory.startListening();

    app = RunningApp.start("prod", "escalation.data-dir=" + RunningApp.newDataDir(),
        "camunda.bpm.job-execution.enabled=false", "escalation.notification.channel=log",
        "escalation.admin.user=", "escalation.admin.password=", // no local admin: the directory's
        "escalation.ldap.enabled=true",
        "escalation.ldap.url=ldap://127.0.0.1:" + directory.getListenPort(),
        "escalation.ldap.manager-dn=cn=escalation-reader," + BASE,
        "escalation.ldap.manager-password=Reader-Secret-1",
        "escalation.ldap.base-dn=" + BASE,
        "escalation.ldap.user-search-base=ou=people",
        "escalation.ldap.group-search-base=ou=groups",
        "escalation.ldap.group-mapping=" + MAPPING);
    engine = app.engine();
  }

  @AfterAll
  static void stop() {
    if (app != null) {
      app.close();
    }
    directory.shutDown(true);
  }

  static void person(String uid, String first, String last) throws Exception {
    directory.add("dn: uid=" + uid + ",ou=people," + BASE, "objectClass: inetOrgPerson", "uid: " + uid,
        "cn: " + first + " " + last, "givenName: " + first, "sn: " + last, "mail: " + uid + "@westshire.example",
        "userPassword: Directory-Pass-1");
  }

  static void group(String cn, String... uids) throws Exception {
    String[] lines = new String[3 + uids.length];
    lines[0] = "dn: cn=" + cn + ",ou=groups," + BASE;
    lines[1] = "objectClass: groupOfNames";
    lines[2] = "cn: " + cn;
    for (int i = 0; i < uids.length; i++) {
      lines[3 + i] = "member: uid=" + uids[i] + ",ou=people," + BASE;
    }
    directory.add(lines);
  }

  @Test
  void directoryPeopleWorkACaseInTasklistAndALeaverCannotLogIn() throws Exception {
    Http anonymous = app.http();
    // The practitioner raises a case over REST (HTTP Basic against the directory) and escalates it.
    Http practitioner = anonymous.as("pat.quill", "Directory-Pass-1");
    HttpResponse<String> started = practitioner.post(NssabCases.START, NssabCases.startBody("NS-LDAP-1", "standard"));
    assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
    String caseId = JSON.readTree(started.body()).path("id").asText();
    JsonNode discussion = JSON.readTree(practitioner.get("/engine-rest/task?processInstanceId=" + caseId).body()).get(0);
    assertThat(practitioner.post("/engine-rest/task/" + discussion.path("id").asText() + "/complete",
        NssabCases.stageRecord("escalate")).statusCode()).isEqualTo(204);
    Jobs.runDue(engine, caseId);

    // The line manager logs into Tasklist and sees the task offered to their directory group.
    Http lineManager = Http.anonymous(app.port());
    assertThat(lineManager.webappLogin("tasklist", "lee.marsh", "Directory-Pass-1").statusCode()).isEqualTo(200);
    JsonNode tasks = JSON.readTree(lineManager.get("/camunda/api/engine/engine/default/task?processInstanceId=" + caseId).body());
    assertThat(tasks).singleElement().satisfies(task ->
        assertThat(task.path("taskDefinitionKey").asText()).isEqualTo("UserTask_ResolveBetweenLineManagers"));
    JsonNode filters = JSON.readTree(lineManager.get("/camunda/api/engine/engine/default/filter?resourceType=Task").body());
    assertThat(filters.size()).as("our Tasklist filters").isPositive();

    // Wrong or empty passwords are refused; the practitioner does not see the managers' task.
    assertThat(Http.anonymous(app.port()).webappLogin("tasklist", "lee.marsh", "wrong").statusCode()).isEqualTo(401);
    assertThat(Http.anonymous(app.port()).as("lee.marsh", "").get("/engine-rest/task").statusCode()).isEqualTo(401);
    assertThat(JSON.readTree(practitioner.get("/engine-rest/task?processInstanceId=" + caseId).body())).isEmpty();

    // The directory's admin group is camunda-admin, under our ID.
    Http admin = anonymous.as("ira.stone", "Directory-Pass-1");
    assertThat(JSON.readTree(admin.get("/engine-rest/group?id=nssab-police-line-manager").body()))
        .singleElement().satisfies(g -> assertThat(g.path("id").asText()).isEqualTo("nssab-police-line-manager"));
    assertThat(JSON.readTree(admin.get("/engine-rest/user?memberOfGroup=nssab-police-line-manager").body()))
        .extracting(u -> u.path("id").asText() + " " + u.path("email").asText())
        .containsExactly("lee.marsh lee.marsh@westshire.example");
    // A group the directory does not have has nobody in it (so its notifications reach no one else).
    assertThat(JSON.readTree(admin.get("/engine-rest/user?memberOfGroup=nssab-health-line-manager").body())).isEmpty();
    assertThat(JSON.readTree(admin.get("/engine-rest/user/count?memberOfGroup=nssab-health-line-manager").body())
        .path("count").asInt()).isZero();

    // A leaver is deleted from the directory: no more login, in Tasklist or over REST.
    directory.delete("uid=lee.marsh,ou=people," + BASE);
    assertThat(Http.anonymous(app.port()).webappLogin("tasklist", "lee.marsh", "Directory-Pass-1").statusCode()).isEqualTo(401);
    assertThat(Http.anonymous(app.port()).as("lee.marsh", "Directory-Pass-1").get("/engine-rest/task").statusCode())
        .isEqualTo(401);
  }
}
