package uk.safeguarding.escalation.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.FileSystemResource;

/**
 * A partnership's start form offers exactly its configured agencies (codes and names, in the same
 * order) as raising and receiving agency, so the two lists cannot drift apart. Checked for every
 * configured partnership whose diagram is here, and for the made-up partnership of OnboardingTest.
 */
class PartnershipFormsTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final List<String> AGENCY_FIELDS = List.of("raisingAgency", "receivingAgency");

  @Test
  void theBuiltInPartnershipsStartFormsOfferTheirConfiguredAgencies() throws IOException {
    List<String> checked = checkAll(Path.of("src/main/resources/partnerships.yml"), Path.of("processes"), Path.of("forms"));
    assertThat(checked).contains("nssab-escalation"); // every diagram in processes/ has its partnership
    try (var diagrams = Files.list(Path.of("processes"))) {
      assertThat(checked).hasSize((int) diagrams.filter(f -> f.toString().endsWith(".bpmn")).count());
    }
  }

  @Test
  void theOnboardedPartnershipsStartFormOffersItsConfiguredAgencies() throws IOException {
    Path onboarding = Path.of("src/test/resources/onboarding");
    assertThat(checkAll(onboarding.resolve("partnerships.yml"), onboarding, onboarding)).containsExactly("wssp-escalation");
  }

  @Test
  void aFormThatDriftedFromTheConfigurationIsCaught() throws IOException {
    Partnership nssab = load(Path.of("src/main/resources/partnerships.yml")).byCode("nssab").orElseThrow();
    JsonNode form = JSON.readTree(Path.of("forms/nssab-start.form").toFile());
    ((com.fasterxml.jackson.databind.node.ObjectNode) field(form, "receivingAgency").orElseThrow().path("values").get(0))
        .put("label", "Adult social care");

    assertThat(mismatches(nssab, form)).containsExactly("receivingAgency offers [la-adults: Adult social care, health: Health,"
        + " police: Police, probation: Probation, voluntary: Voluntary and community sector, housing: Housing]"
        + " but nssab's agencies are [la-adults: Local authority adult social care, health: Health, police: Police,"
        + " probation: Probation, voluntary: Voluntary and community sector, housing: Housing]");
  }

  /** Checks each partnership whose diagram is in {@code diagrams}; returns the process keys checked. */
  private static List<String> checkAll(Path configuration, Path diagrams, Path forms) throws IOException {
    List<String> checked = new ArrayList<>();
    for (Partnership p : load(configuration).all()) {
      Path diagram = diagrams.resolve(p.processKey() + ".bpmn");
      if (!Files.exists(diagram)) {
        continue; // not onboarded yet
      }
      String formRef = Bpmn.readModelFromFile(diagram.toFile()).getModelElementsByType(StartEvent.class).stream()
          .map(StartEvent::getCamundaFormRef).filter(ref -> ref != null).findFirst().orElseThrow();
      JsonNode form = JSON.readTree(forms.resolve(formRef + ".form").toFile());
      assertThat(mismatches(p, form)).as(formRef).isEmpty();
      checked.add(p.processKey());
    }
    return checked;
  }

  private static List<String> mismatches(Partnership p, JsonNode form) {
    List<String> expected = p.agencies().stream().map(a -> a.code() + ": " + a.name()).toList();
    List<String> mismatches = new ArrayList<>();
    for (String key : AGENCY_FIELDS) {
      List<String> offered = new ArrayList<>();
      field(form, key).ifPresent(f -> f.path("values").forEach(v -> offered.add(v.path("value").asText() + ": " + v.path("label").asText())));
      if (!offered.equals(expected)) {
        mismatches.add(key + " offers " + offered + " but " + p.code() + "'s agencies are " + expected);
      }
    }
    return mismatches;
  }

  /** A form field by key, wherever it sits (groups nest components). */
  private static Optional<JsonNode> field(JsonNode node, String key) {
    if (key.equals(node.path("key").asText(null))) {
      return Optional.of(node);
    }
    for (JsonNode child : node.path("components")) {
      Optional<JsonNode> found = field(child, key);
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  static Partnerships load(Path file) {
    return Partnerships.load(new FileSystemResource(file));
  }
}
