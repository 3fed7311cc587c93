package uk.safeguarding.escalation.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import uk.safeguarding.escalation.calendar.WorkingDayCalendar;
import uk.safeguarding.escalation.support.Http;
import uk.safeguarding.escalation.support.NssabCases;

/**
 * Auditors, business managers and boards meet this product in Camunda Cockpit, so this drives it in
 * a real browser (Debian's Chromium, headless, US English) against the packaged application. One
 * application and one browser serve every test of the class ({@link #startApplicationAndBrowser});
 * each test logs in as whom it needs. Screenshots go to target/screenshots.
 *
 * <p>The packaged application runs on the real clock, so a deadline cannot pass during a test: a
 * breach is made the way an administrator can make it happen now, by executing the stage's
 * deadline timer job ({@code POST /engine-rest/job/{id}/execute}). The boundary event then fires
 * exactly as at its due date: the deadline-breach notices go out and history records it.
 */
class CockpitBrowserIT {

  static final Path SCREENSHOTS = Path.of("target", "screenshots");
  static final ObjectMapper JSON = new ObjectMapper();
  static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
  static final DateTimeFormatter REST_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

  static PackagedApp app;
  static int port;
  static WebDriver browser;
  static WebDriverWait wait;
  static Http admin;
  static Path DOWNLOADS;

  @BeforeAll
  static void startApplicationAndBrowser() throws Exception {
    app = PackagedApp.start("e2e-cockpit-application.log");
    port = app.port;
    admin = Http.anonymous(port).as("admin", "demo");
    DOWNLOADS = Files.createTempDirectory("cockpit-downloads-");
    browser = PackagedApp.chromium(DOWNLOADS);
    wait = PackagedApp.patientWait(browser);
    Files.createDirectories(SCREENSHOTS);
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.quit();
    }
    if (app != null) {
      app.stop();
    }
  }

  @BeforeEach
  void loggedOut() {
    logout();
  }

  @Test
  void anAuditorOpensAFinishedCaseAndSeesEachStageAndTheBreachedDeadline() throws Exception {
    String id = finishedCaseWithABreachedDeadline("NS-COCKPIT-1");
    String lineManagersDue = DAY.format(OffsetDateTime.parse(JSON.readTree(admin.get("/engine-rest/history/task?processInstanceId="
        + id + "&taskDefinitionKey=UserTask_ResolveBetweenLineManagers").body()).get(0).path("due").asText(), REST_DATE)
        .atZoneSameInstant(WorkingDayCalendar.ZONE));

    login("nssab.auditor");
    openCase(id);
    WebElement history = browser.findElement(By.cssSelector(".escalation-case-history"));
    assertThat(history.findElement(By.tagName("h2")).getText()).isEqualTo("Case NS-COCKPIT-1");
    assertThat(history.findElement(By.cssSelector(".escalation-summary")).getText()).contains("Closed")
        .contains("Dev Kestrelford");

    // each stage: who by name, when, outcome, due; the line managers' stage marked as breached
    WebElement raised = stageRow("Case raised");
    assertThat(raised.getText()).contains("Dev Kestrelford (nssab.police.practitioner)");
    WebElement discussion = stageRow("Discuss concern with the other practitioner");
    assertThat(discussion.getText()).contains("Dev Kestrelford").contains("Not resolved: escalate to the next stage")
        .contains(DAY.format(Instant.now().atZone(WorkingDayCalendar.ZONE)));
    assertThat(discussion.findElements(By.cssSelector(".escalation-breach"))).isEmpty();
    WebElement lineManagers = stageRow("Resolve concern between line managers");
    assertThat(lineManagers.getText()).contains("Edie Rookwood (nssab.police.line-manager)")
        .contains("Resolved: the agreed outcome is recorded").contains(lineManagersDue);
    assertThat(lineManagers.findElement(By.cssSelector(".escalation-breach")).getText()).isEqualTo("Deadline breached");
    WebElement learning = stageRow("Identify learning for the board");
    assertThat(learning.getText()).contains("Dev Kestrelford");

    // the record each stage submitted, read-only
    lineManagers.findElement(By.cssSelector("details.escalation-record summary")).click();
    wait.until(d -> lineManagers.findElement(By.cssSelector("details.escalation-record dl")).isDisplayed());
    assertThat(lineManagers.findElement(By.cssSelector("details.escalation-record")).getText())
        .contains("Type of contact").contains("Telephone").contains("Outcome of this stage");

    // the diagram: the path taken and the breached stage marked on it
    assertThat(browser.findElements(By.cssSelector(".escalation-diagram g.ran"))).isNotEmpty();
    assertThat(browser.findElement(By.cssSelector(
        ".escalation-diagram g.escalation-diagram-breach[data-element-id='UserTask_ResolveBetweenLineManagers']"))
        .isDisplayed()).isTrue();
    assertThat(browser.findElements(By.cssSelector(
        ".escalation-diagram g.ran[data-element-id='UserTask_ResolveBetweenSecondTierManagers']"))).isEmpty();

    // the breach, the notices it sent and the operation log
    assertThat(browser.findElement(By.cssSelector(".escalation-breaches")).getText())
        .contains("Resolve concern between line managers: Stage 1 line managers overdue");
    assertThat(browser.findElement(By.cssSelector(".escalation-notifications")).getText())
        .contains("Deadline breached").contains("Edie Rookwood");
    assertThat(browser.findElement(By.cssSelector(".escalation-operations")).getText())
        .contains("Claim").contains("Edie Rookwood");
    screenshot("cockpit-case-history");

    // another partnership's auditor gets nothing of it
    logout();
    login("nel.auditor");
    browser.get(cockpit() + "#/escalation/case/" + id);
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".escalation-case-history .escalation-error"),
        "There is no case with this id that you may read."));
    assertThat(browser.findElement(By.cssSelector(".escalation-case-history")).getText()).doesNotContain("NS-COCKPIT-1");
  }

  @Test
  void cockpitsViewOfARunningCaseHasACaseHistoryTabLinkingToTheWholeHistory() throws Exception {
    Http practitioner = Http.anonymous(port).as("nssab.police.practitioner", "demo");
    String id = JSON.readTree(practitioner.post(NssabCases.START, NssabCases.startBody("NS-COCKPIT-2", "standard")).body())
        .path("id").asText();
    assertThat(practitioner.post("/engine-rest/task/" + onlyTask(practitioner, id) + "/submit-form",
        NssabCases.stageRecord("escalate")).statusCode()).isEqualTo(204);

    login("nssab.business-manager");
    browser.get(cockpit() + "#/process-instance/" + id + "/runtime");
    click(By.xpath("//ul[contains(@class,'nav-tabs')]//a[normalize-space()='Case history']"));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".escalation-case-history[data-loaded=true]")));
    // the stage it is at: open, not claimed yet, and where it is on the diagram
    WebElement open = stageRow("Resolve concern between line managers");
    assertThat(open.getText()).contains("Not claimed yet").contains("Open");
    screenshot("cockpit-case-history-tab");

    // the link opens the whole history, with where the case is now on its diagram
    click(By.cssSelector(".escalation-case-history-link"));
    wait.until(ExpectedConditions.urlContains("#/escalation/case/" + id));
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".escalation-case-history h2"),
        "Case NS-COCKPIT-2"));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(
        ".escalation-diagram g.running[data-element-id='UserTask_ResolveBetweenLineManagers']")));
  }

  // --- cases, made through the REST API as staff make them ------------------------------------


  @Test
  void anAuditorFindsAFinishedCaseInCasesOpensItsHistoryAndDownloadsTheCsv() throws Exception {
    String id = finishedCaseWithABreachedDeadline("NS-COCKPIT-LIST");

    login("nssab.auditor");
    click(By.cssSelector("a[href='#/escalation/cases']"));
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".escalation-cases-table")));
    // the finished cases whose deadline was missed
    new org.openqa.selenium.support.ui.Select(browser.findElement(By.cssSelector(".escalation-filters select[name=state]")))
        .selectByVisibleText("Resolved");
    new org.openqa.selenium.support.ui.Select(browser.findElement(By.cssSelector(".escalation-filters select[name=breached]")))
        .selectByVisibleText("Yes");
    click(By.cssSelector(".escalation-filter-apply"));
    By row = By.xpath("//table[contains(@class,'escalation-cases-table')]//tr[@data-case-id='" + id + "']");
    WebElement found = wait.until(ExpectedConditions.visibilityOfElementLocated(row));
    assertThat(found.getText()).contains("NS-COCKPIT-LIST").contains("Resolved").contains("Police")
        .contains("Local authority adult social care");
    assertThat(found.findElement(By.cssSelector(".escalation-breached")).getText()).isEqualTo("1");
    screenshot("cockpit-cases");

    // the CSV holds what the filters show, without names or the dispute
    click(By.cssSelector(".escalation-cases-csv"));
    String csv = downloaded("cases.csv");
    assertThat(csv).startsWith("case_id,protocol,case_reference,state").contains(id + ",nssab-escalation,NS-COCKPIT-LIST,resolved,")
        .doesNotContain("Dev Kestrelford", "Safeguarding information not shared", "Dr Riley Other");

    // the row opens the case's history
    click(By.xpath("//tr[@data-case-id='" + id + "']//a[contains(@class,'escalation-case-link')]"));
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".escalation-case-history[data-loaded=true]")));
    assertThat(browser.findElement(By.cssSelector(".escalation-case-history h2")).getText()).isEqualTo("Case NS-COCKPIT-LIST");
    assertThat(stageRow("Resolve concern between line managers").findElement(By.cssSelector(".escalation-breach")).getText())
        .isEqualTo("Deadline breached");

    // the board's figures: the missed deadline counted at stage 1, and their CSV
    click(By.cssSelector("a[href='#/escalation/monitoring']"));
    WebElement breaches = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".escalation-breaches")));
    wait.until(d -> breaches.getText().contains("NSSAB stage 1"));
    assertThat(browser.findElement(By.cssSelector(".escalation-headline")).getText()).contains("cases");
    screenshot("cockpit-monitoring");
    click(By.cssSelector(".escalation-monitoring-csv"));
    assertThat(downloaded("monitoring.csv")).contains("deadlines_breached_at_stage,nssab-escalation,1,,")
        .doesNotContain("NS-COCKPIT-LIST", "Kestrelford");
  }

  /** Waits for the browser to finish a download, and reads it. */
  static String downloaded(String fileName) throws IOException {
    Path file = DOWNLOADS.resolve(fileName);
    wait.until(d -> Files.exists(file) && !Files.exists(DOWNLOADS.resolve(fileName + ".crdownload")));
    String content = Files.readString(file);
    Files.delete(file);
    return content;
  }

  /**
   * A North Somerset case: the practitioner escalates stage 1; the line managers' deadline timer
   * fires (executed now by the administrator, as at its due date); they claim and resolve it; the
   * practitioner records no learning, which closes the case.
   */
  static String finishedCaseWithABreachedDeadline(String caseReference) throws Exception {
    Http practitioner = Http.anonymous(port).as("nssab.police.practitioner", "demo");
    Http lineManager = Http.anonymous(port).as("nssab.police.line-manager", "demo");
    String id = JSON.readTree(practitioner.post(NssabCases.START, NssabCases.startBody(caseReference, "standard")).body())
        .path("id").asText();
    assertThat(practitioner.post("/engine-rest/task/" + onlyTask(practitioner, id) + "/submit-form",
        NssabCases.stageRecord("escalate")).statusCode()).isEqualTo(204);
    String stage = onlyTask(lineManager, id);
    assertThat(admin.post("/engine-rest/job/" + timerJob(id, "BoundaryEvent_Stage1LineManagersOverdue") + "/execute", "{}")
        .statusCode()).isEqualTo(204);
    assertThat(lineManager.post("/engine-rest/task/" + stage + "/claim", "{\"userId\": \"nssab.police.line-manager\"}")
        .statusCode()).isEqualTo(204);
    assertThat(lineManager.post("/engine-rest/task/" + stage + "/submit-form", NssabCases.stageRecord("resolved"))
        .statusCode()).isEqualTo(204);
    assertThat(practitioner.post("/engine-rest/task/" + onlyTask(practitioner, id) + "/submit-form",
        NssabCases.single("learningIdentified", "\"no\"", "String")).statusCode()).isEqualTo(204);
    // the notices go out through the job executor: wait for them before anyone reads the case
    wait.until(d -> {
      try {
        return "COMPLETED".equals(JSON.readTree(admin.get("/engine-rest/history/process-instance/" + id).body())
            .path("state").asText())
            && admin.get("/api/notifications?processInstanceId=" + id).body().contains("DEADLINE_BREACHED");
      } catch (IOException e) {
        return false;
      }
    });
    return id;
  }

  static String onlyTask(Http user, String instanceId) {
    return wait.until(d -> {
      try {
        JsonNode tasks = JSON.readTree(user.get("/engine-rest/task?processInstanceId=" + instanceId).body());
        return tasks.size() == 1 ? tasks.get(0).path("id").asText() : null;
      } catch (IOException e) {
        return null;
      }
    });
  }

  static String timerJob(String instanceId, String activityId) throws IOException {
    String processDefinitionId = JSON.readTree(admin.get("/engine-rest/process-instance/" + instanceId).body())
        .path("definitionId").asText();
    String jobDefinition = JSON.readTree(admin.get("/engine-rest/job-definition?processDefinitionId=" + processDefinitionId
        + "&activityIdIn=" + activityId).body()).get(0).path("id").asText();
    return JSON.readTree(admin.get("/engine-rest/job?processInstanceId=" + instanceId + "&jobDefinitionId=" + jobDefinition)
        .body()).get(0).path("id").asText();
  }

  // --- Cockpit, the way a person uses it ------------------------------------------------------

  static String cockpit() {
    return "http://localhost:" + port + "/camunda/app/cockpit/default/";
  }

  static void login(String user) {
    browser.get(cockpit());
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model=username]"))).sendKeys(user);
    browser.findElement(By.cssSelector("input[ng-model=password]")).sendKeys("demo");
    browser.findElement(By.cssSelector("button[type=submit]")).click();
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("input[ng-model=username]")));
  }

  static void logout() {
    if (browser.getCurrentUrl().startsWith("http")) {
      browser.manage().deleteAllCookies();
    }
  }

  /** Opens a case's history the way the Cases list links to it, and waits for it to load. */
  static void openCase(String processInstanceId) {
    browser.get(cockpit() + "#/escalation/case/" + processInstanceId);
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".escalation-case-history[data-loaded=true]")));
  }

  /** Finds and clicks in one condition, so a re-rendered element is found again rather than failing. */
  static void click(By by) {
    wait.until(d -> {
      WebElement element = ExpectedConditions.elementToBeClickable(by).apply(d);
      if (element == null) {
        return false;
      }
      element.click();
      return true;
    });
  }

  static WebElement stageRow(String title) {
    return wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath(
        "//table[contains(@class,'escalation-timeline')]//tr[td[normalize-space()=\"" + title + "\"]]")));
  }

  static void screenshot(String name) throws IOException {
    File file = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
    Files.copy(file.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
  }


}
