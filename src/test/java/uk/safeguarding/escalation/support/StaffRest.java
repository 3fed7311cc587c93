package uk.safeguarding.escalation.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.function.BiFunction;
import org.camunda.bpm.engine.ProcessEngine;

/**
 * Staff working a case over {@code /engine-rest} as an outside client would: find the stage's task,
 * open its deployed form, claim it and submit the form's values. The protocol's test supplies how
 * its values are written as REST variables.
 */
public final class StaffRest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final int port;
  private final ProcessEngine engine;
  private final BiFunction<Map<String, Object>, String, String> body;

  /** {@code body}: (values, business key or null) to a REST body, e.g. {@code NelCases::body}. */
  public StaffRest(int port, ProcessEngine engine, BiFunction<Map<String, Object>, String, String> body) {
    this.port = port;
    this.engine = engine;
    this.body = body;
  }

  public Http as(String user) {
    return Http.anonymous(port).as(user, "demo");
  }

  /** The case's single open task of this key, claimed by the user (after the jobs due so far ran). */
  public String claimedTask(String instanceId, String user, String taskKey) throws Exception {
    Jobs.runDue(engine, instanceId);
    Http owner = as(user);
    JsonNode task = single(owner.get("/engine-rest/task?processInstanceId=" + instanceId + "&taskDefinitionKey=" + taskKey));
    String taskId = task.path("id").asText();
    if (task.path("assignee").isMissingNode() || task.path("assignee").isNull()) {
      assertThat(owner.post("/engine-rest/task/" + taskId + "/claim", "{\"userId\": \"" + user + "\"}").statusCode()).isEqualTo(204);
    }
    return taskId;
  }

  /** Claims the task and submits these values, whatever the answer. */
  public HttpResponse<String> submit(String instanceId, String user, String taskKey, Map<String, Object> values) throws Exception {
    String taskId = claimedTask(instanceId, user, taskKey);
    return as(user).post("/engine-rest/task/" + taskId + "/complete", body.apply(values, null));
  }

  /**
   * The owner finds the task, opens its deployed form (which must be {@code formId} and offer every
   * field submitted), claims it and submits the values (204); returns the task's form variables before.
   */
  public JsonNode complete(String instanceId, String user, String taskKey, String formId, Map<String, Object> values) throws Exception {
    String taskId = claimedTask(instanceId, user, taskKey);
    Http owner = as(user);
    HttpResponse<String> form = owner.get("/engine-rest/task/" + taskId + "/deployed-form");
    assertThat(form.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(form.body()).path("id").asText()).isEqualTo(formId);
    for (String field : values.keySet()) {
      assertThat(form.body()).as("%s offers %s", formId, field).contains("\"" + field + "\"");
    }
    HttpResponse<String> variables = owner.get("/engine-rest/task/" + taskId + "/form-variables");
    assertThat(variables.statusCode()).as(variables.body()).isEqualTo(200);
    HttpResponse<String> done = owner.post("/engine-rest/task/" + taskId + "/complete", body.apply(values, null));
    assertThat(done.statusCode()).as(done.body()).isEqualTo(204);
    return JSON.readTree(variables.body());
  }

  /** The one element of a 200 JSON list. */
  public static JsonNode single(HttpResponse<String> response) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode list = JSON.readTree(response.body());
    assertThat(list).as(response.body()).hasSize(1);
    return list.get(0);
  }
}
