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
    select("RaisingAgency", "Education");
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
    String instanceId = JSON.readTree(admin.get(
        "/engine-rest/history/variable-instance?variableName=caseReference&variableValue=BSCP-E2E-0001").body())
        .get(0).path("processInstanceId").asText();
    // Tasklist closes the form as it sends the completion: wait for the engine to have it
    wait.until(d -> admin.get("/engine-rest/task?processInstanceId=" + instanceId).body().contains("UserTask_CpDesignatedPerson"));
    JsonNode variables = JSON.readTree(admin.get("/engine-rest/history/variable-instance?processInstanceId=" + instanceId).body());
    assertThat(value(variables, "escalationRoute")).isEqualTo("cp-conference");
    assertThat(value(variables, "dissentMinuted")).isEqualTo("yes");
    assertThat(value(variables, "raisingPractitioner")).isEqualTo("bscp.education.practitioner");
  }
}
