package uk.safeguarding.escalation.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import uk.safeguarding.escalation.support.Http;
import uk.safeguarding.escalation.support.ProcessTestProperties;

/** The Tasklist filters staff see, through the same REST calls Tasklist makes. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TasklistFiltersTest {

  static final ObjectMapper JSON = new ObjectMapper();

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    ProcessTestProperties.registerOwnDatabase(registry);
  }

  @LocalServerPort int port;
  @Autowired FilterService filterService;
  @Autowired RuntimeService runtimeService;
  @Autowired IdentityService identityService;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void staffSeeTheCommonFiltersAndTheirOwnProtocolsSortedByDueDate() throws Exception {
    JsonNode filters = JSON.readTree(Http.anonymous(port).as("nssab.police.line-manager", "demo")
        .get("/engine-rest/filter?resourceType=Task&sortBy=name&sortOrder=asc").body());
    assertThat(filters).extracting(f -> f.path("name").asText()).containsExactlyInAnyOrder(
        "My group's tasks", "My tasks", "North Somerset Safeguarding Adults Board", "Overdue");

    Filter groupTasks = filterService.createTaskFilterQuery().filterName(TasklistFilters.MY_GROUPS_TASKS).singleResult();
    assertThat(((org.camunda.bpm.engine.impl.TaskQueryImpl) groupTasks.getQuery()).getOrderingProperties())
        .extracting(o -> o.getQueryProperty().getName() + " " + o.getDirection().getName()).containsExactly("DUE_DATE_ asc");
  }

  @Test
  void myGroupsTasksListsTheStagesOfferedToMeEarliestDueFirst() throws Exception {
    String later = startCaseAndEscalate("NS-FILTER-1", "2026-04-07T10:00"); // line managers due 8 April
    String earlier = startCaseAndEscalate("NS-FILTER-2", "2026-04-02T10:00"); // due 7 April (Easter in between)
    Filter groupTasks = filterService.createTaskFilterQuery().filterName(TasklistFilters.MY_GROUPS_TASKS).singleResult();

    JsonNode tasks = JSON.readTree(Http.anonymous(port).as("nssab.police.line-manager", "demo")
        .post("/engine-rest/filter/" + groupTasks.getId() + "/list", "{}").body());
    assertThat(tasks).extracting(t -> t.path("processInstanceId").asText()).containsSubsequence(earlier, later);

    // each task card shows the case reference and stage, though staff may not read the whole case
    JsonNode hal = JSON.readTree(Http.anonymous(port).as("nssab.police.line-manager", "demo")
        .postHal("/engine-rest/filter/" + groupTasks.getId() + "/list", "{}").body());
    JsonNode card = java.util.stream.StreamSupport.stream(hal.path("_embedded").path("task").spliterator(), false)
        .filter(t -> t.path("processInstanceId").asText().equals(earlier)).findFirst().orElseThrow();
    assertThat(card.path("_embedded").path("variable")).extracting(v -> v.path("name").asText() + "=" + v.path("value").asText())
        .containsExactlyInAnyOrder("caseReference=NS-FILTER-2", "currentStage=1");

    JsonNode otherAgency = JSON.readTree(Http.anonymous(port).as("nssab.health.line-manager", "demo")
        .post("/engine-rest/filter/" + groupTasks.getId() + "/list", "{}").body());
    assertThat(otherAgency).extracting(t -> t.path("processInstanceId").asText()).doesNotContain(earlier, later);
  }

  private String startCaseAndEscalate(String reference, String londonTime) {
    ClockUtil.setCurrentTime(Date.from(java.time.LocalDateTime.parse(londonTime)
        .atZone(uk.safeguarding.escalation.calendar.WorkingDayCalendar.ZONE).toInstant()));
    identityService.setAuthentication("nssab.police.practitioner", List.of("nssab", "nssab-police", "nssab-police-practitioner"));
    try {
      Map<String, Object> vars = new java.util.HashMap<>(Map.of("caseReference", reference, "subjectType", "adult",
          "raisingAgency", "police", "receivingAgency", "health", "receivingPractitionerName", "Dr Riley Other",
          "disagreementCategory", "other", "disputeSummary", "s", "riskLevel", "standard"));
      String id = runtimeService.startProcessInstanceByKey("nssab-escalation", reference, vars).getId();
      var engineTasks = org.camunda.bpm.engine.ProcessEngines.getDefaultProcessEngine().getTaskService();
      String task = engineTasks.createTaskQuery().processInstanceId(id).singleResult().getId();
      engineTasks.complete(task, Map.of("contactType", "phone", "contactBetween", "x", "discussionSummary", "y",
          "stageOutcome", "escalate"));
      return id;
    } finally {
      identityService.clearAuthentication();
    }
  }
}
