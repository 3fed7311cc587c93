package uk.safeguarding.escalation.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import uk.safeguarding.escalation.support.Http;

/**
 * Staff meet this product only through Camunda Tasklist, so this drives it in a real browser
 * (Debian's Chromium, headless, set to US English) against the packaged application: a practitioner
 * raises a North Somerset case from the start form, records the first stage and follows it in "My
 * cases"; the raising agency's line manager finds the next stage in "My group's tasks" with its due
 * date and the case so far, claims it, enters a date day first and escalates; the second-tier
 * manager reads every earlier record above the form and resolves it. Tasks
 * grant staff TASK_WORK only (no direct variable writes), so this also shows that claiming, saving a
 * draft and completing through Tasklist need nothing more; Tasklist submits every field of a form,
 * read-only ones included, and the server accepts them unchanged. The
 * result is then checked through the engine. Each filled form is saved as a screenshot under
 * target/screenshots.
 */
class TasklistBrowserIT {

  static final String XSS = "<img src=x onerror=alert(1)>";
  static final Path SCREENSHOTS = Path.of("target", "screenshots");
  static final ObjectMapper JSON = new ObjectMapper();

  static PackagedApp app;
  static int port;
  static WebDriver browser;
  static WebDriverWait wait;

  @BeforeAll
  static void startApplicationAndBrowser() throws Exception {
    app = PackagedApp.start("e2e-application.log");
    port = app.port;
    browser = PackagedApp.chromium(null);
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

  @Test
  void aPractitionerRaisesACaseTheLineManagersEscalateItAndTheSecondTierManagerResolvesItInTasklist() throws Exception {
    // the practitioner raises the case from the start form
    login("nssab.police.practitioner");
    click(By.linkText("Start process"));
    click(By.xpath("//div[contains(@class,'modal')]//a[contains(., 'North Somerset SAB')]"));
    type("CaseReference", "NS-E2E-0001");
    ownAgencyChosen("Police"); // the raising agency is the practitioner's own, already chosen
    // Escape closes an open drop-down, never the start form with what was typed
    click(field("ReceivingAgency-display"));
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-dropdownlist")));
    browser.switchTo().activeElement().sendKeys(Keys.ESCAPE);
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".fjs-dropdownlist")));
    browser.switchTo().activeElement().sendKeys(Keys.ESCAPE); // again, with the focus outside any field
    assertThat(browser.findElement(By.cssSelector(".modal-dialog")).isDisplayed()).isTrue();
    assertThat(browser.findElement(field("CaseReference")).getAttribute("value")).isEqualTo("NS-E2E-0001");
    select("ReceivingAgency", "Local authority adult social care");
    type("ReceivingPractitionerName", "Dr Riley Other");
    select("DisagreementCategory", "Thresholds");
    type("DisputeSummary", "Referral closed without contact " + XSS);
    click(field("RiskLevel-0"));
    screenshot("01-start-form");
    click(By.xpath("//div[contains(@class,'modal-footer')]//button[normalize-space()='Start']"));
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".modal-dialog")));

    // ... and records stage 1 (their own discussion): not resolved
    openTask("My tasks", "Discuss concern with the other practitioner");
    WebElement shown = browser.findElement(field("DisputeSummaryShown"));
    assertThat(shown.getAttribute("value")).isEqualTo("Referral closed without contact " + XSS); // text, not markup
    assertThat(browser.findElements(By.cssSelector(".fjs-container img"))).isEmpty();
    assertNoAlert();
    select("ContactType", "Telephone");
    type("ContactBetween", "Police practitioner and adult social care worker");
    type("DiscussionSummary", "Disagreement about the threshold remains");
    // a draft: Tasklist keeps it in the browser (localStorage), not in the case, so it needs no
    // variable write on the server; after a reload the form opens with it
    click(By.xpath("//button[normalize-space()='Save']"));
    String taskId = browser.getCurrentUrl().replaceAll(".*[?&]task=([^&#]+).*", "$1");
    assertThat((String) ((JavascriptExecutor) browser).executeScript(
        "return window.localStorage.getItem('camunda-form:' + arguments[0]);", taskId))
        .contains("Disagreement about the threshold remains");
    browser.navigate().refresh();
    wait.until(d -> d.findElements(field("DiscussionSummary")).stream().anyMatch(
        input -> "Disagreement about the threshold remains".equals(input.getAttribute("value"))));
    click(field("StageOutcome-1"));
    screenshot("02-stage-1-discussion");
    completeTask();
    // Tasklist closes the form without a word; the person is told it is done
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".escalation-notice-done"),
        "Completed: Discuss concern with the other practitioner"));

    // the case has left the practitioner's tasks; "My cases" shows where it is now
    // (Tasklist closes the form as it sends the completion: wait for the engine to have it)
    Http admin = Http.anonymous(port).as("admin", "demo");
    String raisedId = caseInstanceId(admin, "nssab-escalation", "NS-E2E-0001");
    wait.until(d -> admin.get("/engine-rest/task?processInstanceId=" + raisedId).body()
        .contains("UserTask_ResolveBetweenLineManagers"));
    click(By.cssSelector(".escalation-my-cases-link"));
    WebElement mine = wait.until(ExpectedConditions.visibilityOfElementLocated(
        By.xpath("//table[contains(@class,'escalation-my-cases-table')]//tr[td[normalize-space()='NS-E2E-0001']]")));
    assertThat(mine.getText()).contains("Police: Line manager").contains("Resolve concern between line managers");
    screenshot("03-my-cases");
    click(By.cssSelector(".escalation-my-cases-close"));
    logout();

    // the raising agency's line manager finds stage 1 in the group filter, with its due date
    login("nssab.police.line-manager");
    assertThat(openTask("My group's tasks", "Resolve concern between line managers")).startsWith("Due");
    click(By.xpath("//*[self::button or self::a][normalize-space()='Claim']"));
    wait.until(ExpectedConditions.elementToBeClickable(field("ContactBetween")));
    // above the form, the case so far: as raised, and the practitioners' stage-1 record
    WebElement soFar = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".escalation-case-record")));
    wait.until(d -> soFar.getText().contains("Disagreement about the threshold remains"));
    assertThat(soFar.getText()).contains("Case raised").contains("Discuss concern with the other practitioner")
        .contains("Your agency (raising)").contains("Police").contains("Telephone");
    // Tasklist's offers that staff would be refused are gone, and so is Camunda's banner
    assertThat(browser.findElements(By.cssSelector(".ce-eol-banner")).stream().noneMatch(WebElement::isDisplayed)).isTrue();
    assertThat(browser.findElements(By.cssSelector(".createCommentLink")).stream().noneMatch(WebElement::isDisplayed)).isTrue();
    assertThat(browser.findElements(By.xpath("//a[contains(normalize-space(),'Create task')]")).stream()
        .noneMatch(WebElement::isDisplayed)).isTrue();
    screenshot("04-stage-1-line-managers-case-so-far");
    select("ContactType", "Online meeting");
    type("ContactBetween", "Line managers of police and adult social care");
    type("DiscussionSummary", "Agreed a joint visit");
    type("AgreedActions", "Joint visit");
    type("ActionOwner", "Adult social care");
    // dates are day first even in a browser set to US English: an impossible one is refused, not rolled over
    typeDate("ActionDueDate", "31/02/2026");
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".escalation-date-error"),
        "\"31/02/2026\" is not a date"));
    assertThat(browser.findElement(field("ActionDueDate-date")).getAttribute("value")).isEmpty();
    screenshot("05-impossible-date-refused");
    typeDate("ActionDueDate", "27/11/2026");
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".escalation-date-error")));
    assertThat(browser.findElement(field("ActionDueDate-date")).getAttribute("value")).isEqualTo("27/11/2026");
    assertThat(browser.findElement(field("ActionDueDate-date")).getAttribute("placeholder")).isEqualTo("dd/mm/yyyy");
    click(field("StageOutcome-1")); // not resolved: on to stage 2
    screenshot("06-stage-1-line-managers");
    completeTask();
    assertNoAlert();
    logout();

    // stage 2: the second-tier manager opens the case with everything before it above the form,
    // the line managers' date shown back day first
    wait.until(d -> admin.get("/engine-rest/task?processInstanceId=" + raisedId).body()
        .contains("UserTask_ResolveBetweenSecondTierManagers"));
    login("nssab.police.second-tier-manager");
    assertThat(openTask("My group's tasks", "Resolve concern between second-tier managers")).startsWith("Due");
    click(By.xpath("//*[self::button or self::a][normalize-space()='Claim']"));
    wait.until(ExpectedConditions.elementToBeClickable(field("ContactBetween")));
    WebElement stage2SoFar = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".escalation-case-record")));
    wait.until(d -> stage2SoFar.getText().contains("Resolve concern between line managers"));
    assertThat(stage2SoFar.getText()).contains("Case raised").contains("Risk to the adult").contains("Standard")
        .contains("Discuss concern with the other practitioner").contains("Disagreement about the threshold remains")
        .contains("Agreed a joint visit").contains("Actions due by").contains("27/11/2026")
        .contains("Not resolved: escalate to the next stage");
    screenshot("07-stage-2-case-so-far");
    select("ContactType", "Telephone");
    type("ContactBetween", "Second-tier managers of police and adult social care");
    type("DiscussionSummary", "Threshold agreed as met; assessment to start");
    click(field("StageOutcome-0"));
    completeTask();
    assertNoAlert();

    // the result, as the engine records it
    String instanceId = raisedId;
    // Tasklist closes the form as it sends the completion: wait for the engine to have it
    wait.until(d -> admin.get("/engine-rest/history/variable-instance?processInstanceId=" + instanceId
        + "&variableName=resolvedAtStage").body().contains("\"value\":2"));
    JsonNode variables = JSON.readTree(admin.get("/engine-rest/history/variable-instance?processInstanceId=" + instanceId).body());
    assertThat(value(variables, "resolvedAtStage")).isEqualTo("2");
    assertThat(value(variables, "raisingPractitioner")).isEqualTo("nssab.police.practitioner");
    assertThat(value(variables, "disputeSummary")).isEqualTo("Referral closed without contact " + XSS);
    // the line managers' date, as stored when they submitted it: 27 November, as typed
    JsonNode dueDates = JSON.readTree(admin.get("/engine-rest/history/detail?processInstanceId=" + instanceId
        + "&variableName=actionDueDate&variableUpdates=true").body());
    assertThat(dueDates.findValuesAsText("value")).contains("2026-11-27");
    JsonNode tasks = JSON.readTree(admin.get("/engine-rest/history/task?processInstanceId=" + instanceId
        + "&taskDefinitionKey=UserTask_ResolveBetweenLineManagers").body());
    assertThat(tasks.get(0).path("assignee").asText()).isEqualTo("nssab.police.line-manager");
    assertThat(tasks.get(0).path("deleteReason").asText()).isEqualTo("completed");
    logout();

    // the receiving agency's line manager, told of the outcome and holding no task of the case,
    // opens the link of the written confirmation (as the log channel wrote it) and reads it
    String party = "nssab.la-adults.line-manager";
    wait.until(d -> admin.get("/api/notifications?processInstanceId=" + instanceId).body()
        .contains("\"kind\":\"OUTCOME_RECORDED\",\"recipientUserId\":\"" + party + "\""));
    String link = "http://localhost:" + port + "/camunda/app/tasklist/default/#/?escalation-outcome=" + instanceId;
    wait.until(d -> {
      try {
        return Files.readString(Path.of("target/e2e-application.log")).contains(link);
      } catch (IOException e) {
        return false;
      }
    });
    browser.get(link);
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model=username]"))).sendKeys(party);
    browser.findElement(By.cssSelector("input[ng-model=password]")).sendKeys("demo");
    browser.findElement(By.cssSelector("button[type=submit]")).click();
    WebElement outcome = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".escalation-outcome-record")));
    WebElement view = browser.findElement(By.cssSelector(".escalation-outcome"));
    assertThat(view.getText()).contains("Outcome of case").contains("Resolved at stage").contains("2");
    assertThat(outcome.getText()).contains("Resolve concern between second-tier managers")
        .contains("Threshold agreed as met; assessment to start");
    assertThat(view.getText()).doesNotContain("Referral closed without contact").doesNotContain("Agreed a joint visit");
    screenshot("tasklist-outcome");
    click(By.cssSelector(".escalation-outcome .escalation-my-cases-close"));
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".escalation-outcome")));
    logout();
  }

  @Test
  void anLlrPractitionerRaisesASignificantHarmCaseAndEscalatesStep1InTasklist() throws Exception {
    logout();
    login("llr.la-childrens.practitioner");
    click(By.linkText("Start process"));
    click(By.xpath("//div[contains(@class,'modal')]//a[contains(., 'Leicester, Leicestershire and Rutland')]"));
    type("CaseReference", "LLR-E2E-0001");
    ownAgencyChosen("Local authority children's services");
    select("ReceivingAgency", "Health");
    type("ReceivingPractitionerName", "Dr Riley Other");
    select("DisagreementCategory", "Information sharing and communication");
    type("DisputeSummary", "Health records not shared before the strategy discussion");
    click(field("RiskLevel-1")); // risk of significant harm
    screenshot("11-llr-start-form");
    click(By.xpath("//div[contains(@class,'modal-footer')]//button[normalize-space()='Start']"));
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".modal-dialog")));

    // step 1, the practitioner's own discussion, with its due date: not resolved
    assertThat(openTask("My tasks", "Discuss with the other practitioner (step 1)")).startsWith("Due");
    select("ContactType", "Email");
    type("ContactBetween", "Social worker and health visitor");
    type("DiscussionSummary", "No agreement on sharing the records");
    click(field("StageOutcome-1"));
    screenshot("12-llr-step-1");
    completeTask();
    assertNoAlert();
    logout();

    // the engine's record: step 1 done by the practitioner; step 2 with the raising agency's line managers,
    // due the same working day (step 1 began seconds before, so both fall at the same 17:00)
    Http admin = Http.anonymous(port).as("admin", "demo");
    String instanceId = caseInstanceId(admin, "llr-escalation", "LLR-E2E-0001");
    // Tasklist closes the form as it sends the completion: wait for the engine to have it
    String completedStep1 = "/engine-rest/history/task?processInstanceId=" + instanceId
        + "&taskDefinitionKey=UserTask_DiscussWithOtherPractitioner&finished=true";
    wait.until(d -> admin.get(completedStep1).body().startsWith("[{"));
    JsonNode step1 = JSON.readTree(admin.get(completedStep1).body()).get(0);
    assertThat(step1.path("assignee").asText()).isEqualTo("llr.la-childrens.practitioner");
    assertThat(step1.path("deleteReason").asText()).isEqualTo("completed");
    JsonNode step2 = JSON.readTree(admin.get("/engine-rest/task?processInstanceId=" + instanceId).body()).get(0);
    assertThat(step2.path("taskDefinitionKey").asText()).isEqualTo("UserTask_ReviewWithLineManagers");
    assertThat(step2.path("due").asText()).isEqualTo(step1.path("due").asText());
  }

  /** North East Lincolnshire: the immediate-risk advice follows the person (MASH for a child); the informal step is the first task. */
  @Test
  void aNelPractitionerRaisesAChildsCaseAndRecordsTheInformalAttempt() throws Exception {
    logout(); // whoever the other test left logged in
    login("nel.health.practitioner");
    click(By.linkText("Start process"));
    click(By.xpath("//div[contains(@class,'modal')]//a[contains(., 'North East Lincolnshire')]"));
    type("CaseReference", "NEL-E2E-0001");
    select("SubjectType", "A child");
    ownAgencyChosen("Health");
    type("RaisingPractitionerStatus", "Health visitor");
    select("ReceivingAgency", "Local authority children's services");
    type("ReceivingPractitionerName", "A. Social Worker");
    select("ConflictFramework", "Referral");
    select("DisagreementCategory", "An assessment of risk");
    type("DisputeSummary", "Referral closed with no assessment");
    click(field("PersonViewsSought-1"));
    click(field("RiskLevel-2"));
    // the advice for a child at immediate risk: the MASH (not the adults' SPA), today
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//*[contains(@class,'fjs-container')]//*[contains(., 'MASH (Multi-agency Safeguarding Hub) today')]")));
    assertThat(browser.findElements(By.xpath("//*[contains(@class,'fjs-container')]//p[contains(., 'SPA (Single Point of Access)')]"))).isEmpty();
    click(field("ImmediateRiskAction-2"));
    screenshot("11-nel-start-form");
    click(By.xpath("//div[contains(@class,'modal-footer')]//button[normalize-space()='Start']"));
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".modal-dialog")));

    // the informal step has no due date (none in the source): open its card from "My tasks"
    click(By.xpath("//a[contains(normalize-space(), \"My tasks\")]"));
    click(By.xpath("//li[contains(@class,'task')]//h4/a[normalize-space()='Resolve informally with the other party']"));
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-container")));
    select("ContactType", "Telephone");
    type("ContactBetween", "Health visitor and social worker");
    type("AreasOfDispute", "Whether the threshold for an assessment is met");
    type("DiscussionSummary", "Shared the health chronology; no agreement");
    click(field("StageOutcome-1"));
    screenshot("12-nel-informal");
    completeTask();
    assertNoAlert();
    logout();

    Http admin = Http.anonymous(port).as("admin", "demo");
    String instanceId = caseInstanceId(admin, "nel-escalation", "NEL-E2E-0001");
    // Tasklist closes the form as it sends the completion: wait for the engine to have it
    wait.until(d -> admin.get("/engine-rest/task?processInstanceId=" + instanceId).body().contains("UserTask_Stage1LineManager"));
    JsonNode next = JSON.readTree(admin.get("/engine-rest/task?processInstanceId=" + instanceId).body()).get(0);
    assertThat(next.path("taskDefinitionKey").asText()).isEqualTo("UserTask_Stage1LineManager");
    JsonNode variables = JSON.readTree(admin.get("/engine-rest/history/variable-instance?processInstanceId=" + instanceId).body());
    assertThat(value(variables, "immediateRiskAction")).isEqualTo("not-applicable");
    assertThat(value(variables, "subjectType")).isEqualTo("child");
  }

  // --- Tasklist, the way a person uses it -------------------------------------------------------

  private static void login(String user) {
    browser.get("http://localhost:" + port + "/camunda/app/tasklist/");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[ng-model=username]"))).sendKeys(user);
    browser.findElement(By.cssSelector("input[ng-model=password]")).sendKeys("demo");
    browser.findElement(By.cssSelector("button[type=submit]")).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.linkText("Start process")));
  }

  private static void logout() {
    browser.manage().deleteAllCookies();
  }

  /** Opens a filter, then the task card with that name; returns the due date shown on the card. */
  private static String openTask(String filter, String taskName) {
    click(By.xpath("//a[contains(normalize-space(), \"" + filter + "\")]"));
    By card = By.xpath("//li[contains(@class,'task')][.//h4/a[normalize-space()='" + taskName + "']]");
    click(By.xpath("//li[contains(@class,'task')]//h4/a[normalize-space()='" + taskName + "']"));
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-container")));
    return wait.until(d -> d.findElement(card).findElement(By.cssSelector(".due-date")).getText());
  }

  private static void completeTask() {
    click(By.xpath("//button[normalize-space()='Complete']"));
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".fjs-container")));
  }

  private static By field(String id) {
    return By.cssSelector("[id$='-Field_" + id + "']");
  }

  private static void type(String fieldId, String text) {
    // as a person replaces a pre-filled value (the previous stage's record): select all, type over it;
    // typed again from scratch if the form re-rendered meanwhile
    wait.until(d -> {
      WebElement input = ExpectedConditions.elementToBeClickable(field(fieldId)).apply(d);
      if (input == null) {
        return false;
      }
      input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
      input.sendKeys(text);
      return text.equals(input.getAttribute("value"));
    });
  }

  /** Types a date as a person does, then leaves the field (Tab), which is when the date picker reads it. */
  private static void typeDate(String fieldId, String text) {
    wait.until(d -> {
      WebElement input = ExpectedConditions.elementToBeClickable(field(fieldId + "-date")).apply(d);
      if (input == null) {
        return false;
      }
      input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
      input.sendKeys(text);
      if (!text.equals(input.getAttribute("value"))) {
        return false;
      }
      input.sendKeys(Keys.TAB);
      return true;
    });
  }

  /** The start form chooses the practitioner's own agency as the raising agency by itself (scripts/escalation/staff.js). */
  private static void ownAgencyChosen(String agency) {
    wait.until(ExpectedConditions.textToBePresentInElementLocated(field("RaisingAgency-display"), agency));
  }

  /** form-js selects are drop-down lists, not native selects. */
  private static void select(String fieldId, String option) {
    click(field(fieldId + "-display"));
    click(By.xpath("//div[contains(@class,'fjs-dropdownlist-item')][normalize-space()=\"" + option + "\"]")); // options may hold an apostrophe
  }

  /** Finds and clicks in one condition, so a re-rendered element is found again rather than failing. */
  private static void click(By by) {
    wait.until(d -> {
      WebElement element = ExpectedConditions.elementToBeClickable(by).apply(d);
      if (element == null) {
        return false;
      }
      element.click();
      return true;
    });
  }

  private static void assertNoAlert() {
    try {
      browser.switchTo().alert();
      throw new AssertionError("A script ran: an alert is open");
    } catch (NoAlertPresentException expected) {
      // nothing ran
    }
  }

  private static void screenshot(String name) throws IOException {
    File file = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
    Files.copy(file.toPath(), SCREENSHOTS.resolve(name + ".png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }

  private static String value(JsonNode variables, String name) {
    for (JsonNode v : variables) {
      if (name.equals(v.path("name").asText())) {
        return v.path("value").asText();
      }
    }
    return null;
  }



  /**
   * Barking and Dagenham: raised in Tasklist (on-call advice shows for an urgent case); stages 1 to 3's
   * phone contact through REST; the referring Safeguarding Lead completes Appendix A in Tasklist with
   * one Section B row of the repeating table, whose "by when" sets the receiving SL's timer.
   */
  @Test
  void aBdscpSafeguardingLeadFillsASectionBRowOfAppendixAInTasklist() throws Exception {
    logout();
    login("bdscp.police.practitioner");
    click(By.linkText("Start process"));
    click(By.xpath("//div[contains(@class,'modal')]//a[contains(., 'Barking and Dagenham')]"));
    type("CaseReference", "BD-E2E-0001");
    ownAgencyChosen("Police");
    select("ReceivingAgency", "Local authority children's services");
    type("ReceivingPractitionerName", "A. Social Worker");
    select("DisagreementCategory", "Roles and responsibilities");
    type("DisputeSummary", "Referral closed without a strategy discussion");
    click(field("RiskLevel-0"));
    click(field("UrgentResolution-0"));
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//*[contains(@class,'fjs-container')]//*[contains(., 'use your agency')]")));
    click(field("BabyInvolved-1"));
    screenshot("21-bdscp-start-form");
    click(By.xpath("//div[contains(@class,'modal-footer')]//button[normalize-space()='Start']"));
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".modal-dialog")));
    logout();

    Http admin = Http.anonymous(port).as("admin", "demo");
    wait.until(d -> caseInstanceId(admin, "bdscp-escalation", "BD-E2E-0001") != null);
    String instanceId = caseInstanceId(admin, "bdscp-escalation", "BD-E2E-0001");
    bdscpCompleteByRest(instanceId, "bdscp.police.practitioner", "UserTask_Stage1Liaise", uk.safeguarding.escalation.support.BdscpCases.liaise("phone"));
    bdscpCompleteByRest(instanceId, "bdscp.la-childrens.practitioner", "UserTask_Stage1Reply", uk.safeguarding.escalation.support.BdscpCases.reply());
    bdscpCompleteByRest(instanceId, "bdscp.police.practitioner", "UserTask_Stage1Record", uk.safeguarding.escalation.support.BdscpCases.record("escalate"));
    bdscpCompleteByRest(instanceId, "bdscp.police.line-manager", "UserTask_Stage2Review", uk.safeguarding.escalation.support.BdscpCases.review("yes", null));
    bdscpCompleteByRest(instanceId, "bdscp.police.line-manager", "UserTask_Stage2Strategy", uk.safeguarding.escalation.support.BdscpCases.strategy("escalate"));
    bdscpCompleteByRest(instanceId, "bdscp.police.safeguarding-lead", "UserTask_Stage3PhoneContact", uk.safeguarding.escalation.support.BdscpCases.phoneContact());

    // Appendix A in Tasklist: Section A, one child, one row of the Section B action plan (a long form:
    // a taller window keeps its Complete button clear of Tasklist's footer)
    browser.manage().window().setSize(new org.openqa.selenium.Dimension(1400, 3200));
    login("bdscp.police.safeguarding-lead");
    click(By.xpath("//a[contains(normalize-space(), \"My group's tasks\")]"));
    click(By.xpath("//li[contains(@class,'task')]//h4/a[normalize-space()='Stage 3: Appendix A, Sections A and B']"));
    click(By.xpath("//*[self::button or self::a][normalize-space()='Claim']"));
    wait.until(ExpectedConditions.elementToBeClickable(field("ReceivingSafeguardingLead")));
    type("ReceivingSafeguardingLead", "Children's services SL");
    bdscpTypeDate(By.cssSelector("input[id*='-Field_ReferralDate']"), "10/09/2026");
    type("ReferrerName", "Police practitioner");
    type("ReferringSafeguardingLead", "Police SL");
    bdscpTypeInRow("ChildName", "Child A");
    type("ConcernDescription", "Referral closed without a strategy discussion");
    type("OutcomeSought", "A strategy discussion");
    bdscpTypeInRow("ActionIssue", "Threshold decision");
    bdscpTypeInRow("ActionAgreedAction", "Hold a strategy discussion");
    bdscpTypeInRow("ActionByWhom", "Children's services team manager");
    bdscpTypeDate(By.cssSelector("input[id*='-Field_ActionByWhen']"), "31/12/2030"); // day first
    screenshot("22-bdscp-appendix-a-section-b");
    // Tasklist 7.24 keeps Complete disabled after typing in a repeating table until the whole form is
    // validated; saving the draft does that (a person sees Complete become available after Save)
    click(By.xpath("//button[normalize-space()='Save']"));
    completeTask();
    browser.manage().window().setSize(new org.openqa.selenium.Dimension(1400, 2400));
    assertNoAlert();
    logout();

    // the engine has the row, and the receiving SL's timer at 17:00 London on its "by when"
    String completed = "/engine-rest/history/task?processInstanceId=" + instanceId + "&taskDefinitionKey=UserTask_Stage3AppendixA&finished=true";
    wait.until(d -> admin.get(completed).body().startsWith("[{"));
    JsonNode variables = JSON.readTree(admin.get("/engine-rest/history/variable-instance?processInstanceId=" + instanceId
        + "&deserializeValues=false").body());
    assertThat(value(variables, "actionPlan")).contains("Hold a strategy discussion").contains("2030-12-31");
    JsonNode timer = JSON.readTree(admin.get("/engine-rest/job?processInstanceId=" + instanceId + "&timers=true").body()).get(0);
    assertThat(java.time.OffsetDateTime.parse(timer.path("dueDate").asText(),
        java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ")).toInstant())
        .isEqualTo(java.time.LocalDateTime.parse("2030-12-31T17:00").atZone(java.time.ZoneId.of("Europe/London")).toInstant());
  }

  private void bdscpCompleteByRest(String instanceId, String user, String taskKey, java.util.Map<String, Object> values) throws Exception {
    Http owner = Http.anonymous(port).as(user, "demo");
    String query = "/engine-rest/task?processInstanceId=" + instanceId + "&taskDefinitionKey=" + taskKey;
    wait.until(d -> owner.get(query).body().startsWith("[{"));
    JsonNode task = JSON.readTree(owner.get(query).body()).get(0);
    if (task.path("assignee").isNull() || task.path("assignee").isMissingNode()) {
      owner.post("/engine-rest/task/" + task.path("id").asText() + "/claim", "{\"userId\": \"" + user + "\"}");
    }
    java.net.http.HttpResponse<String> done = owner.post("/engine-rest/task/" + task.path("id").asText() + "/complete",
        uk.safeguarding.escalation.support.BdscpCases.body(values, null));
    assertThat(done.statusCode()).as(done.body()).isEqualTo(204);
  }

  /** The first row's field of a repeating table (form-js suffixes its IDs with the row). */
  private static void bdscpTypeInRow(String fieldId, String text) {
    wait.until(d -> {
      WebElement input = ExpectedConditions.elementToBeClickable(By.cssSelector("input[id*='-Field_" + fieldId + "']")).apply(d);
      if (input == null) {
        return false;
      }
      input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
      input.sendKeys(text);
      return text.equals(input.getAttribute("value"));
    });
  }

  /** A form-js date field: typed as a person does (dd/mm/yyyy, whatever the browser's language), then leaving the field. */
  private static void bdscpTypeDate(By by, String date) {
    wait.until(d -> {
      WebElement input = ExpectedConditions.elementToBeClickable(by).apply(d);
      if (input == null) {
        return false;
      }
      input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
      input.sendKeys(date, Keys.TAB);
      return date.equals(input.getAttribute("value")); // shown back day first; the engine's value is checked below
    });
  }

  /**
   * Buckinghamshire: a case raised on the Child Protection Conference route; its first task, the
   * practitioner's decision whether to challenge the chair's decision, goes to the Designated Person.
   */
  @Test
  void aBscpPractitionerRaisesACpConferenceCaseAndChallengesTheChairsDecision() throws Exception {
    logout(); // whoever the other test left logged in
    login("bscp.education.practitioner");
    click(By.linkText("Start process"));
    click(By.xpath("//div[contains(@class,'modal')]//a[contains(., 'Buckinghamshire')]"));
    // the statements the procedure makes before anything else
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//*[contains(@class,'fjs-container')]//*[contains(., 'recognised complaints procedure')]")));
    assertThat(browser.findElement(By.cssSelector(".fjs-container")).getText()).contains("whistleblowing").contains("remains involved");
    type("CaseReference", "BSCP-E2E-0001");
    ownAgencyChosen("Education");
    select("ReceivingAgency", "Local authority children's services");
    type("ReceivingPractitionerName", "The conference chair");
    click(field("EscalationRoute-1")); // a Child Protection Conference chair's decision
    select("DisagreementCategory", "The need for action");
    type("DisputeSummary", "The child was not made subject to a plan despite the school's evidence");
    click(field("RiskLevel-1")); // risk of significant harm
    screenshot("11-bscp-start-form");
    click(By.xpath("//div[contains(@class,'modal-footer')]//button[normalize-space()='Start']"));
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".modal-dialog")));

    // stage 1: the practitioner's own decision whether to challenge, with its due date
    String taskName = "Decide whether to challenge the conference chair's decision (stage 1)";
    click(By.xpath("//a[contains(normalize-space(), \"My tasks\")]"));
    By card = By.xpath("//li[contains(@class,'task')][.//h4/a[normalize-space()=\"" + taskName + "\"]]");
    click(By.xpath("//li[contains(@class,'task')]//h4/a[normalize-space()=\"" + taskName + "\"]"));
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-container")));
    String due = wait.until(d -> d.findElement(card).findElement(By.cssSelector(".due-date")).getText());
    assertThat(due).startsWith("Due");
    click(field("DissentMinuted-0"));
    type("DiscussionSummary", "The plan does not address the risk from the new partner");
    click(field("StageOutcome-1")); // challenge: risk of significant harm, to the Designated Person
    screenshot("12-bscp-cp-challenge");
    completeTask();
    assertNoAlert();
    logout();

    Http admin = Http.anonymous(port).as("admin", "demo");
    String instanceId = caseInstanceId(admin, "bscp-escalation", "BSCP-E2E-0001");
    // Tasklist closes the form as it sends the completion: wait for the engine to have it
    wait.until(d -> admin.get("/engine-rest/task?processInstanceId=" + instanceId).body().contains("UserTask_CpDesignatedPerson"));
    JsonNode variables = JSON.readTree(admin.get("/engine-rest/history/variable-instance?processInstanceId=" + instanceId).body());
    assertThat(value(variables, "escalationRoute")).isEqualTo("cp-conference");
    assertThat(value(variables, "dissentMinuted")).isEqualTo("yes");
    assertThat(value(variables, "raisingPractitioner")).isEqualTo("bscp.education.practitioner");
  }

  /**
   * The case's instance id by its reference: the case's own instance, not one of the
   * notification-delivery instances that carry the same reference (the order of a query by the
   * variable alone is the database's, so it once picked a delivery). Null until it exists.
   */
  static String caseInstanceId(Http admin, String processKey, String caseReference) {
    try {
      JsonNode found = JSON.readTree(admin.get("/engine-rest/history/process-instance?processDefinitionKey=" + processKey
          + "&variables=caseReference_eq_" + caseReference).body());
      return found.isArray() && found.size() == 1 ? found.get(0).path("id").asText() : null;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
