package uk.safeguarding.escalation.forms;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.RepositoryService;
import org.springframework.stereotype.Component;

/** The Camunda Forms of a deployment by form ID, read once per deployment (deployments never change). */
@Component
public class DeployedForms {

  private final RepositoryService repositoryService;
  private final Map<String, Map<String, CamundaForm>> byDeployment = new ConcurrentHashMap<>();

  public DeployedForms(RepositoryService repositoryService) {
    this.repositoryService = repositoryService;
  }

  public Optional<CamundaForm> find(String deploymentId, String formId) {
    return Optional.ofNullable(byDeployment.computeIfAbsent(deploymentId, this::load).get(formId));
  }

  private Map<String, CamundaForm> load(String deploymentId) {
    Map<String, CamundaForm> forms = new ConcurrentHashMap<>();
    for (String name : repositoryService.getDeploymentResourceNames(deploymentId)) {
      if (name.endsWith(".form")) {
        try (InputStream in = repositoryService.getResourceAsStream(deploymentId, name)) {
          CamundaForm form = CamundaForm.parse(in);
          forms.put(form.id(), form);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    return forms;
  }
}
