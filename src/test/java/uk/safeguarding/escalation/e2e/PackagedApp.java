package uk.safeguarding.escalation.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import uk.safeguarding.escalation.support.Http;

/**
 * What every browser test needs: the packaged jar running on a free port with a fresh H2 database,
 * and Debian's Chromium (headless, US English) driven by Debian's chromedriver, never a downloaded browser.
 */
final class PackagedApp {

  final Process process;
  final int port;

  private PackagedApp(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /** Starts the jar (failsafe passes its path as app.jar) and waits until its health answers UP. */
  static PackagedApp start(String logName) throws Exception {
    int port = freePort();
    Path dataDir = Files.createTempDirectory("escalation-e2e-");
    String jar = System.getProperty("app.jar", "target/escalation-engine-0.1.0-SNAPSHOT.jar");
    Process app = new ProcessBuilder("java", "-jar", jar, "--server.port=" + port, "--escalation.data-dir=" + dataDir,
        "--escalation.notification.channel=log")
        .redirectErrorStream(true).redirectOutput(new File("target/" + logName)).start();
    Http health = Http.anonymous(port);
    long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    while (!isUp(health)) {
      assertThat(app.isAlive()).as("application exited; see target/" + logName).isTrue();
      assertThat(System.nanoTime()).as("application did not start within 3 minutes").isLessThan(deadline);
      Thread.sleep(500); // waiting for a process to boot, not for a timer
    }
    return new PackagedApp(app, port);
  }

  /** Headless Chromium; downloads (if a folder is given) land there without asking. */
  static WebDriver chromium(Path downloads) throws IOException {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(System.getProperty("chromium.binary", "/usr/bin/chromium"));
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-dev-shm-usage", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--window-size=1400,2400", "--lang=en-US", "--user-data-dir=" + Files.createTempDirectory("chromium-"));
    if (downloads != null) {
      options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
          "download.prompt_for_download", false));
    }
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File(System.getProperty("chromedriver.binary", "/usr/bin/chromedriver")))
        .usingAnyFreePort().build();
    return new ChromeDriver(service, options);
  }

  /** The webapps (AngularJS) re-render as data arrives: an element found a moment ago may be replaced or covered; the condition is then simply tried again. */
  static WebDriverWait patientWait(WebDriver browser) {
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    wait.ignoring(StaleElementReferenceException.class).ignoring(ElementClickInterceptedException.class);
    return wait;
  }

  void stop() {
    process.destroy();
  }

  static boolean isUp(Http http) {
    try {
      return http.get("/actuator/health").statusCode() == 200;
    } catch (RuntimeException e) {
      return false;
    }
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
