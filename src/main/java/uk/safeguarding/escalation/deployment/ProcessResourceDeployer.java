package uk.safeguarding.escalation.deployment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys the diagrams of {@code processes/}, the forms of {@code forms/} (packaged on the
 * classpath under those folder names) and the platform's own diagrams ({@code platform/}) as one
 * deployment at start-up.
 *
 * <p>Resources are named by their path below the classpath root ({@code processes/x.bpmn}), never
 * by an absolute file path, so the names are the same on every machine and inside the jar, and
 * duplicate filtering keeps an unchanged set from being deployed again on restart. If anything
 * changed, the whole set is redeployed together, so a diagram's {@code camunda:formRef} with
 * binding "deployment" always finds the forms it was released with.
 */
@Component
@Order(3)
public class ProcessResourceDeployer extends AbstractProcessEnginePlugin {

  public static final String DEPLOYMENT_NAME = "escalation-engine";
  public static final String DEPLOYMENT_SOURCE = "processes-and-forms";
  static final String[] PATTERNS = {
      "classpath*:processes/**/*.bpmn", "classpath*:processes/**/*.dmn", "classpath*:forms/**/*.form",
      // the platform's own processes (e.g. notification delivery): not a protocol, not for board admins
      "classpath*:platform/**/*.bpmn"};

  private static final Logger LOG = LoggerFactory.getLogger(ProcessResourceDeployer.class);

  private final ResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    Map<String, Resource> resources = findResources();
    if (resources.isEmpty()) {
      LOG.warn("No diagrams or forms found under processes/ and forms/: nothing deployed");
      return;
    }
    DeploymentBuilder builder = engine.getRepositoryService().createDeployment()
        .name(DEPLOYMENT_NAME)
        .source(DEPLOYMENT_SOURCE)
        .enableDuplicateFiltering(false);
    resources.forEach((name, resource) -> {
      try (InputStream in = resource.getInputStream()) {
        builder.addInputStream(name, new java.io.ByteArrayInputStream(in.readAllBytes()));
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read " + name, e);
      }
    });
    Deployment deployment = builder.deploy();
    LOG.info("Deployment '{}' ({}): {}", DEPLOYMENT_NAME, deployment.getId(), resources.keySet());
  }

  /** Resources by stable name, sorted so that the deployment is the same wherever it is built. */
  Map<String, Resource> findResources() {
    Map<String, Resource> byName = new TreeMap<>();
    for (String pattern : PATTERNS) {
      String folder = pattern.substring("classpath*:".length(), pattern.indexOf('/'));
      try {
        for (Resource resource : resolver.getResources(pattern)) {
          byName.putIfAbsent(stableName(resource, folder), resource);
        }
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot scan " + pattern, e);
      }
    }
    return byName;
  }

  static String stableName(Resource resource, String folder) throws IOException {
    String url = resource.getURL().toString();
    int at = url.lastIndexOf("/" + folder + "/");
    if (at < 0) {
      throw new IOException("Resource " + url + " is not below " + folder + "/");
    }
    return url.substring(at + 1);
  }
}
