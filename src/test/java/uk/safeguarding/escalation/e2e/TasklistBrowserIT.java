package uk.safeguarding.escalation.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import uk.safeguarding.escalation.support.Http;

/**
 * Staff meet this product only through Camunda Tasklist, so this drives it in a real browser
 * (Debian's Chromium, headless) against the packaged application: a practitioner raises a North
 * Somerset case from the start form and records the first stage; the raising agency's line manager
 * finds the next stage in "My group's tasks" with its due date, claims it and resolves it. Tasks
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

  static Process app;
  static int port;
  static WebDriver browser;
  static WebDriverWait wait;

  @BeforeAll
  static void startApplicationAndBrowser() throws Exception {
    port = freePort();
    Path dataDir = Files.createTempDirectory("escalation-e2e-");
    String jar = System.getProperty("app.jar", "target/escalation-engine-0.1.0-SNAPSHOT.jar");
    app = new ProcessBuilder("java", "-jar", jar, "--server.port=" + port, "--escalation.data-dir=" + dataDir,
        "--escalation.notification.channel=log")
        .redirectErrorStream(true).redirectOutput(new File("target/e2e-application.log")).start();
    Http health = Http.anonymous(port);
    long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    while (!isUp(health)) {
      assertThat(app.isAlive()).as("application exited; see target/e2e-application.log").isTrue();
      assertThat(System.nanoTime()).as("application did not start within 3 minutes").isLessThan(deadline);
      Thread.sleep(500); // waiting for a process to boot, not for a timer
    }

    ChromeOptions options = new ChromeOptions();
    options.setBinary(System.getProperty("chromium.binary", "/usr/bin/chromium"));
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-dev-shm-usage", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--window-size=1400,2400", "--user-data-dir=" + Files.createTempDirectory("chromium-"));
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File(System.getProperty("chromedriver.binary", "/usr/bin/chromedriver")))
        .usingAnyFreePort().build();
    browser = new ChromeDriver(service, options);
    wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    // Tasklist (AngularJS) re-renders lists and forms as data arrives: an element found a moment ago
    // may be replaced or covered; the condition is then simply tried again
    wait.ignoring(StaleElementReferenceException.class).ignoring(ElementClickInterceptedException.class);
    Files.createDirectories(SCREENSHOTS);
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.quit();
    }
    if (app != null) {
      app.destroy();
    }
  }

  @Test
  void aPractitionerRaisesACaseAndTheLineManagerResolvesItInTasklist() throws Exception {
    // the practitioner raises the case from the start form
    login("nssab.police.practitioner");
    click(By.linkText("Start process"));
    click(By.xpath("//div[contains(@class,'modal')]//a[contains(., 'North Somerset SAB')]"));
    type("CaseReference", "NS-E2E-0001");
    select("RaisingAgency", "Police");
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
    logout();

    // the raising agency's line manager finds stage 1 in the group filter, with its due date
    login("nssab.police.line-manager");
    assertThat(openTask("My group's tasks", "Resolve concern between line managers")).startsWith("Due");
    click(By.xpath("//*[self::button or self::a][normalize-space()='Claim']"));
    wait.until(ExpectedConditions.elementToBeClickable(field("ContactBetween")));
    select("ContactType", "Online meeting");
    type("ContactBetween", "Line managers of police and adult social care");
    type("DiscussionSummary", "Agreed a joint visit");
    type("AgreedActions", "Joint visit");
    type("ActionOwner", "Adult social care");
    click(field("StageOutcome-0"));
    screenshot("03-stage-1-line-managers");
    completeTask();
    assertNoAlert();

    // the result, as the engine records it
    Http admin = Http.anonymous(port).as("admin", "demo");
    JsonNode caseVariable = JSON.readTree(admin.get(
        "/engine-rest/history/variable-instance?variableName=caseReference&variableValue=NS-E2E-0001").body()).get(0);
    String instanceId = caseVariable.path("processInstanceId").asText();
    JsonNode variables = JSON.readTree(admin.get("/engine-rest/history/variable-instance?processInstanceId=" + instanceId).body());
    assertThat(value(variables, "resolvedAtStage")).isEqualTo("1");
    assertThat(value(variables, "raisingPractitioner")).isEqualTo("nssab.police.practitioner");
    assertThat(value(variables, "disputeSummary")).isEqualTo("Referral closed without contact " + XSS);
    JsonNode tasks = JSON.readTree(admin.get("/engine-rest/history/task?processInstanceId=" + instanceId
        + "&taskDefinitionKey=UserTask_ResolveBetweenLineManagers").body());
    assertThat(tasks.get(0).path("assignee").asText()).isEqualTo("nssab.police.line-manager");
    assertThat(tasks.get(0).path("deleteReason").asText()).isEqualTo("completed");
  }

  @Test
  void anLlrPractitionerRaisesASignificantHarmCaseAndEscalatesStep1InTasklist() throws Exception {
    logout();
    login("llr.la-childrens.practitioner");
    click(By.linkText("Start process"));
    click(By.xpath("//div[contains(@class,'modal')]//a[contains(., 'Leicester, Leicestershire and Rutland')]"));
    type("CaseReference", "LLR-E2E-0001");
    select("RaisingAgency", "Local authority children's services");
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
    String instanceId = JSON.readTree(admin.get(
        "/engine-rest/history/variable-instance?variableName=caseReference&variableValue=LLR-E2E-0001").body())
        .get(0).path("processInstanceId").asText();
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
    select("RaisingAgency", "Health");
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
    String instanceId = JSON.readTree(admin.get(
        "/engine-rest/history/variable-instance?variableName=caseReference&variableValue=NEL-E2E-0001").body())
        .get(0).path("processInstanceId").asText();
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

  private static boolean isUp(Http http) {
    try {
      return http.get("/actuator/health").statusCode() == 200;
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
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
    select("RaisingAgency", "Police");
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
    String byCase = "/engine-rest/history/variable-instance?variableName=caseReference&variableValue=BD-E2E-0001";
    wait.until(d -> admin.get(byCase).body().startsWith("[{"));
    String instanceId = JSON.readTree(admin.get(byCase).body()).get(0).path("processInstanceId").asText();
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
    bdscpTypeDate(By.cssSelector("input[id*='-Field_ReferralDate']"), "09/10/2026");
    type("ReferrerName", "Police practitioner");
    type("ReferringSafeguardingLead", "Police SL");
    bdscpTypeInRow("ChildName", "Child A");
    type("ConcernDescription", "Referral closed without a strategy discussion");
    type("OutcomeSought", "A strategy discussion");
    bdscpTypeInRow("ActionIssue", "Threshold decision");
    bdscpTypeInRow("ActionAgreedAction", "Hold a strategy discussion");
    bdscpTypeInRow("ActionByWhom", "Children's services team manager");
    bdscpTypeDate(By.cssSelector("input[id*='-Field_ActionByWhen']"), "12/31/2030");
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

  /** A form-js date field: typed as a person does (mm/dd/yyyy, the headless browser's en-US), then leaving the field. */
  private static void bdscpTypeDate(By by, String date) {
    wait.until(d -> {
      WebElement input = ExpectedConditions.elementToBeClickable(by).apply(d);
      if (input == null) {
        return false;
      }
      input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
      input.sendKeys(date, Keys.TAB);
      return !input.getAttribute("value").isEmpty(); // shown in the browser's locale; the engine's value is checked below
    });
  }
}
