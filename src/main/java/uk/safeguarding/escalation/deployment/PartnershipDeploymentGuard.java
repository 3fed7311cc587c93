package uk.safeguarding.escalation.deployment;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.model.bpmn.Bpmn;
import uk.safeguarding.escalation.contract.DiagramContract;
import uk.safeguarding.escalation.forms.CamundaForm;
import org.camunda.bpm.engine.impl.bpmn.deployer.BpmnDeployer;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.dmn.deployer.DecisionDefinitionDeployer;
import org.camunda.bpm.engine.impl.form.deployer.CamundaFormDefinitionDeployer;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.springframework.stereotype.Component;
import uk.safeguarding.escalation.identity.GroupIds;
import uk.safeguarding.escalation.identity.Partnership;
import uk.safeguarding.escalation.identity.Partnerships;

/**
 * Board admins deploy only their own partnership's diagrams, decisions and forms (README "Board
 * admins deploy their own diagrams"). Camunda's DEPLOYMENT CREATE cannot be narrowed to a process
 * key, so this pre-deployer looks inside every new deployment made by a user who is not a Camunda
 * administrator: each executable process must have the process key of a partnership whose
 * {@code {p}-board-admin} group the user is in, each form's and decision's ID must start with that
 * partnership's code ({@code nssab-start}), and nothing else may be in it. A refusal is an
 * {@link AuthorizationException}: REST answers 403 with the sentence, and nothing is deployed. A
 * diagram of their own must also keep the diagram contract (as the build checks the released ones);
 * a breach is refused with 400 naming each element and rule.
 *
 * <p>Deployments without an authenticated user are the application's own (start-up) and pass.
 */
@Component
public class PartnershipDeploymentGuard extends AbstractProcessEnginePlugin implements Deployer {

  static final String BPMN_NS = "http://www.omg.org/spec/BPMN/20100524/MODEL";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final XMLInputFactory XML = XMLInputFactory.newFactory();

  static {
    XML.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    XML.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
  }

  private final Partnerships partnerships;

  public PartnershipDeploymentGuard(Partnerships partnerships) {
    this.partnerships = partnerships;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<Deployer> preDeployers = new ArrayList<>();
    Optional.ofNullable(configuration.getCustomPreDeployers()).ifPresent(preDeployers::addAll);
    preDeployers.add(this);
    configuration.setCustomPreDeployers(preDeployers);
  }

  @Override
  public void deploy(DeploymentEntity deployment) {
    if (!deployment.isNew()) {
      return; // an existing deployment read into the cache (restart, another node), not an upload
    }
    CommandContext command = Context.getCommandContext();
    Authentication user = command.getAuthentication();
    if (user == null || user.getUserId() == null || command.getAuthorizationManager().isCamundaAdmin(user)) {
      return;
    }
    List<String> groups = user.getGroupIds() == null ? List.of() : user.getGroupIds();
    Uploader uploader = new Uploader(user.getUserId(),
        partnerships.all().stream().filter(p -> groups.contains(GroupIds.boardAdmin(p))).toList());
    // Diagrams first, so that a refusal names the process key before any form that came with it.
    deployment.getResources().values().stream()
        .sorted(Comparator.comparing((ResourceEntity r) -> !handledBy(r.getName(), BpmnDeployer.BPMN_RESOURCE_SUFFIXES))
            .thenComparing(ResourceEntity::getName))
        .forEach(resource -> check(uploader, resource));
    keepsTheContract(uploader, deployment);
  }

  /**
   * What a board admin deploys is a protocol: it keeps the same contract as the diagrams released
   * with the application (contract/DiagramContract), checked against the forms deployed with it. In
   * particular it calls only the application's beans, so a deployment can carry no code.
   */
  private void keepsTheContract(Uploader uploader, DeploymentEntity deployment) {
    java.util.Map<String, CamundaForm> forms = new java.util.HashMap<>();
    deployment.getResources().values().stream()
        .filter(r -> handledBy(r.getName(), CamundaFormDefinitionDeployer.FORM_RESOURCE_SUFFIXES))
        .forEach(r -> {
          CamundaForm form = CamundaForm.parse(new ByteArrayInputStream(r.getBytes()));
          forms.put(form.id(), form);
        });
    DiagramContract contract = new DiagramContract(id -> Optional.ofNullable(forms.get(id)));
    for (ResourceEntity resource : deployment.getResources().values()) {
      if (handledBy(resource.getName(), BpmnDeployer.BPMN_RESOURCE_SUFFIXES)) {
        List<DiagramContract.Breach> breaches;
        try {
          breaches = contract.check(Bpmn.readModelFromStream(new ByteArrayInputStream(resource.getBytes())));
        } catch (RuntimeException e) {
          throw new BadUserRequestException("Deployment refused: " + resource.getName() + " is not a readable BPMN diagram");
        }
        if (!breaches.isEmpty()) {
          throw new BadUserRequestException("Deployment refused for " + uploader.userId() + ": " + resource.getName()
              + " breaks the contract every diagram keeps (README, \"The contract every diagram keeps\"): "
              + String.join("; ", breaches.stream().map(DiagramContract.Breach::toString).toList()));
        }
      }
    }
  }

  /** Who deploys, and the partnerships whose board admin they are. */
  private record Uploader(String userId, List<Partnership> own) {

    boolean ownsProcessKey(String key) {
      return own.stream().anyMatch(p -> p.processKey().equals(key));
    }

    boolean ownsId(String id) {
      return id != null && own.stream().anyMatch(p -> id.startsWith(p.code() + "-"));
    }

    AuthorizationException refused(String reason) {
      String scope = own.isEmpty() ? "you are a board admin of no partnership"
          : "you may deploy only the diagrams and forms of " + String.join(", ", own.stream().map(Partnership::code).toList());
      return new AuthorizationException("Deployment refused for " + userId + ": " + reason + "; " + scope
          + ". A Camunda administrator may deploy anything.");
    }
  }

  private void check(Uploader uploader, ResourceEntity resource) {
    String name = resource.getName();
    if (handledBy(name, BpmnDeployer.BPMN_RESOURCE_SUFFIXES)) {
      for (String key : processKeys(uploader, resource)) {
        if (!uploader.ownsProcessKey(key)) {
          throw uploader.refused("the process key " + key + " in " + name + " " + ownerOf(key));
        }
      }
    } else if (handledBy(name, CamundaFormDefinitionDeployer.FORM_RESOURCE_SUFFIXES)) {
      requireOwnPrefix(uploader, "form", formId(uploader, resource), name);
    } else if (handledBy(name, DecisionDefinitionDeployer.DMN_RESOURCE_SUFFIXES)) {
      for (String id : xmlIds(uploader, resource, null, "decision", "definitions")) {
        requireOwnPrefix(uploader, "decision", id, name);
      }
    } else {
      throw uploader.refused(name + " is neither a diagram (.bpmn), a decision (.dmn) nor a form (.form)");
    }
  }

  private String ownerOf(String processKey) {
    return partnerships.byProcessKey(processKey)
        .map(p -> "belongs to another partnership, " + p.code() + " (" + p.name() + ")")
        .orElse("belongs to no partnership (partnerships.yml names each partnership's process key)");
  }

  private static void requireOwnPrefix(Uploader uploader, String kind, String id, String resource) {
    if (!uploader.ownsId(id)) {
      String example = (uploader.own().isEmpty() ? "nssab" : uploader.own().get(0).code()) + "-start";
      throw uploader.refused("the " + kind + " ID " + id + " in " + resource
          + " does not start with your partnership's code and a hyphen (e.g. " + example + ")");
    }
  }

  private static boolean handledBy(String resourceName, String[] suffixes) {
    return Stream.of(suffixes).anyMatch(resourceName::endsWith); // as Camunda's own deployers decide
  }

  /** Keys of the processes Camunda would deploy: every process not marked isExecutable="false". */
  private static List<String> processKeys(Uploader uploader, ResourceEntity resource) {
    List<String> keys = new ArrayList<>();
    for (XmlElement process : elements(uploader, resource, BPMN_NS, "process")) {
      if (!"false".equals(process.isExecutable())) {
        keys.add(process.id());
      }
    }
    return keys;
  }

  private static List<String> xmlIds(Uploader uploader, ResourceEntity resource, String namespace, String... names) {
    return elements(uploader, resource, namespace, names).stream().map(XmlElement::id).toList();
  }

  private record XmlElement(String id, String isExecutable) {}

  /** Elements by local name (and namespace, if given). What cannot be read cannot be checked: it is refused. */
  private static List<XmlElement> elements(Uploader uploader, ResourceEntity resource, String namespace, String... names) {
    List<XmlElement> found = new ArrayList<>();
    try {
      XMLStreamReader reader = XML.createXMLStreamReader(new ByteArrayInputStream(resource.getBytes()));
      try {
        while (reader.hasNext()) {
          if (reader.next() == XMLStreamReader.START_ELEMENT && List.of(names).contains(reader.getLocalName())
              && (namespace == null || namespace.equals(reader.getNamespaceURI()))) {
            found.add(new XmlElement(reader.getAttributeValue(null, "id"), reader.getAttributeValue(null, "isExecutable")));
          }
        }
      } finally {
        reader.close();
      }
    } catch (XMLStreamException e) {
      throw uploader.refused(resource.getName() + " is not readable XML (" + e.getMessage() + ")");
    }
    return found;
  }

  private static String formId(Uploader uploader, ResourceEntity resource) {
    try {
      return JSON.readTree(resource.getBytes()).path("id").asText(null);
    } catch (IOException e) {
      throw uploader.refused(resource.getName() + " is not readable JSON");
    }
  }
}
