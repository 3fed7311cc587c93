package uk.safeguarding.escalation.contract;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.ConditionExpression;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SendTask;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.TimeDate;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputParameter;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperty;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import uk.safeguarding.escalation.casefile.CaseVariables;
import uk.safeguarding.escalation.casefile.StageEnteredListener;
import uk.safeguarding.escalation.forms.CamundaForm;
import uk.safeguarding.escalation.forms.FormField;
import uk.safeguarding.escalation.notification.NotificationKind;
import uk.safeguarding.escalation.notification.NotifyDelegate;

/**
 * What every protocol diagram promises the rest of the system (../shared/protocols/README.md, "The
 * contract every diagram keeps", and this application's conventions), checked on the diagram itself.
 * Each breach names the element, so a board admin finds it in Modeler.
 */
public final class DiagramContract {

  public enum Rule {
    /** Candidate groups, notified groups and assignees belong to the diagram's own partnership. */
    OWN_PARTNERSHIP,
    /** Every name an expression starts from is a known variable, bean or form field. */
    KNOWN_NAMES,
    /** A stage task's due date and its (non-interrupting) timer are the same instant. */
    DEADLINE_AND_TIMER,
    /** A notification is a synchronous {@code ${notify}} send step with a known kind and recipients. */
    NOTIFY_STEP,
    /** Every user task and the start event have a Camunda Form that exists, bound to the deployment. */
    FORM_EXISTS,
    /** Start, stage bookkeeping, stage outcomes and resolution as the contract describes them. */
    STAGE_CONTRACT,
    /**
     * A diagram calls only the application's beans: no Java classes, scripts or method chains in
     * expressions (JUEL calls any method of any object, so {@code ${caseReference.getClass()…}}
     * would run code on the server). What a board admin deploys is data, not code.
     */
    SAFE_EXPRESSIONS
  }

  public record Breach(String elementId, Rule rule, String message) {
    @Override
    public String toString() {
      return elementId + " [" + rule + "]: " + message;
    }
  }

  /** Spring beans diagrams may call (the names of their @Component annotations). */
  public static final Set<String> EXPRESSION_BEANS =
      Set.of("workingDays", "stageDeadline", "notify", "stageEntered", "caseOpened", "recordResolution", "namedOfficers");
  /** A group ID may name its partnership through the case variable the start sets (element templates do). */
  static final String OWN_PARTNERSHIP_PREFIX = "${" + CaseVariables.PARTNERSHIP + "}-";
  /** Names the engine itself provides inside expressions. */
  static final Set<String> ENGINE_NAMES = Set.of("execution", "task", "authenticatedUserId");
  static final Set<String> JUEL_WORDS = Set.of("true", "false", "null", "empty", "not", "and", "or", "eq", "ne",
      "lt", "gt", "le", "ge", "div", "mod", "instanceof");

  static final String PROCESS_KEY_SUFFIX = "-escalation";
  static final String NOTIFY = "${notify}";
  static final Pattern EXPRESSION = Pattern.compile("[$#]\\{(.*?)}");
  static final Pattern ROOT_NAME = Pattern.compile("(?<![.\\w])([A-Za-z_][A-Za-z0-9_]*)");
  static final Pattern STRING_LITERAL = Pattern.compile("'[^']*'|\"[^\"]*\"");
  static final Pattern OUTCOME_COMPARISON = Pattern.compile("stageOutcome\\s*(?:==|eq)\\s*'([^']*)'");

  private final Function<String, Optional<CamundaForm>> forms;

  /** @param forms a Camunda Form by its ID, as deployed beside the diagram */
  public DiagramContract(Function<String, Optional<CamundaForm>> forms) {
    this.forms = forms;
  }

  public List<Breach> check(BpmnModelInstance model) {
    List<Breach> breaches = new ArrayList<>();
    Process process = model.getModelElementsByType(Process.class).iterator().next();
    String key = process.getId();
    if (!key.endsWith(PROCESS_KEY_SUFFIX)) {
      breaches.add(new Breach(key, Rule.OWN_PARTNERSHIP, "a protocol's process key is {partnership}" + PROCESS_KEY_SUFFIX));
      return breaches;
    }
    String partnership = key.substring(0, key.length() - PROCESS_KEY_SUFFIX.length());
    ownPartnership(model, partnership, breaches);
    forms(model, breaches);
    knownNames(model, breaches);
    safeExpressions(model, breaches);
    deadlines(model, breaches);
    notifySteps(model, breaches);
    stages(model, breaches);
    return breaches;
  }

  // --- OWN_PARTNERSHIP ---------------------------------------------------------------------------

  private void ownPartnership(BpmnModelInstance model, String partnership, List<Breach> breaches) {
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      for (String group : split(task.getCamundaCandidateGroups())) {
        requireOwnGroup(task.getId(), group, partnership, breaches);
      }
      for (String user : split(task.getCamundaCandidateUsers())) {
        requireOwnUser(task.getId(), user, partnership, breaches);
      }
      if (task.getCamundaAssignee() != null) {
        requireOwnUser(task.getId(), task.getCamundaAssignee(), partnership, breaches);
      }
    }
    for (SendTask send : model.getModelElementsByType(SendTask.class)) {
      input(send, NotifyDelegate.Inputs.NOTIFY_GROUPS).ifPresent(groups -> split(groups)
          .forEach(group -> requireOwnGroup(send.getId(), group, partnership, breaches)));
      input(send, NotifyDelegate.Inputs.NOTIFY_USERS).ifPresent(users -> split(users)
          .forEach(user -> requireOwnUser(send.getId(), user, partnership, breaches)));
    }
  }

  private static void requireOwnGroup(String id, String group, String partnership, List<Breach> breaches) {
    if (!group.startsWith(partnership + "-") && !group.startsWith(OWN_PARTNERSHIP_PREFIX)) {
      breaches.add(new Breach(id, Rule.OWN_PARTNERSHIP, "group '" + group + "' is not one of partnership '"
          + partnership + "' (its groups start with '" + partnership + "-')"));
    }
  }

  /** A person is named through a variable (e.g. the raising practitioner), or is one of the partnership's users. */
  private static void requireOwnUser(String id, String user, String partnership, List<Breach> breaches) {
    if (!EXPRESSION.matcher(user).matches() && !user.startsWith(partnership + ".")) {
      breaches.add(new Breach(id, Rule.OWN_PARTNERSHIP, "user '" + user + "' is not one of partnership '"
          + partnership + "'; name people through a variable such as ${raisingPractitioner}"));
    }
  }

  // --- FORM_EXISTS -------------------------------------------------------------------------------

  private void forms(BpmnModelInstance model, List<Breach> breaches) {
    for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
      if (start.getParentElement() instanceof Process) {
        requireForm(start.getId(), start.getCamundaFormRef(), start.getCamundaFormRefBinding(), breaches);
      }
    }
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      requireForm(task.getId(), task.getCamundaFormRef(), task.getCamundaFormRefBinding(), breaches);
    }
  }

  private void requireForm(String id, String formRef, String binding, List<Breach> breaches) {
    if (formRef == null || formRef.isBlank()) {
      breaches.add(new Breach(id, Rule.FORM_EXISTS, "has no Camunda Form (camunda:formRef)"));
    } else if (forms.apply(formRef).isEmpty()) {
      breaches.add(new Breach(id, Rule.FORM_EXISTS, "form '" + formRef + "' does not exist in forms/"));
    } else if (!"deployment".equals(binding)) {
      breaches.add(new Breach(id, Rule.FORM_EXISTS, "form '" + formRef
          + "' must be bound to its deployment (camunda:formRefBinding=\"deployment\")"));
    }
  }

  // --- KNOWN_NAMES -------------------------------------------------------------------------------

  private void knownNames(BpmnModelInstance model, List<Breach> breaches) {
    Set<String> known = new HashSet<>(EXPRESSION_BEANS);
    known.addAll(ENGINE_NAMES);
    known.addAll(constants(CaseVariables.class));
    formsOf(model).forEach(form -> form.fields().forEach(field -> known.add(field.key())));
    Element root = dom(model).getDocumentElement();
    walk(root, null, (elementId, text) -> {
      Matcher expression = EXPRESSION.matcher(text);
      while (expression.find()) {
        Matcher name = ROOT_NAME.matcher(STRING_LITERAL.matcher(expression.group(1)).replaceAll("''"));
        while (name.find()) {
          if (!known.contains(name.group(1)) && !JUEL_WORDS.contains(name.group(1))) {
            breaches.add(new Breach(elementId, Rule.KNOWN_NAMES, "'" + name.group(1) + "' in " + expression.group()
                + " is no variable of the case, bean or field of the diagram's forms"));
          }
        }
      }
    });
  }

  // --- SAFE_EXPRESSIONS --------------------------------------------------------------------------

  /** Reads of the case a diagram may make through the engine's own objects. */
  static final Set<String> ENGINE_READS = Set.of("getVariable", "hasVariable", "getVariableLocal");
  static final Pattern MEMBER = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)((?:\\s*\\.\\s*[A-Za-z_][A-Za-z0-9_]*)+)");
  static final Set<String> CODE_ATTRIBUTES = Set.of("class", "expression", "resource");
  static final Set<String> CODE_ELEMENTS = Set.of("script", "scriptTask", "connector");

  private void safeExpressions(BpmnModelInstance model, List<Breach> breaches) {
    Element root = dom(model).getDocumentElement();
    walkElements(root, null, (elementId, element) -> {
      if (CODE_ELEMENTS.contains(element.getLocalName())) {
        breaches.add(new Breach(elementId, Rule.SAFE_EXPRESSIONS, "scripts and connectors are not allowed; call a step's bean"));
      }
      for (String attribute : CODE_ATTRIBUTES) {
        if (element.hasAttributeNS(CAMUNDA_NS, attribute)) {
          breaches.add(new Breach(elementId, Rule.SAFE_EXPRESSIONS, "camunda:" + attribute
              + " runs code of its own; use a delegate expression of a known bean"));
        }
      }
    });
    walk(root, null, (elementId, text) -> {
      Matcher expression = EXPRESSION.matcher(text);
      while (expression.find()) {
        Matcher member = MEMBER.matcher(STRING_LITERAL.matcher(expression.group(1)).replaceAll("''"));
        while (member.find()) {
          if (member.start() > 0 && expression.group(1).charAt(member.start() - 1) == '.') {
            continue;
          }
          String[] path = member.group(2).replaceAll("\\s", "").substring(1).split("\\.");
          boolean beanCall = EXPRESSION_BEANS.contains(member.group(1)) && path.length == 1;
          boolean engineRead = ENGINE_NAMES.contains(member.group(1)) && path.length == 1 && ENGINE_READS.contains(path[0]);
          if (!beanCall && !engineRead) {
            breaches.add(new Breach(elementId, Rule.SAFE_EXPRESSIONS, "'" + member.group().trim() + "' in " + expression.group()
                + ": an expression may call one method of a known bean or read a variable, nothing more"));
          }
        }
      }
    });
  }

  static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";

  private interface ElementVisitor {
    void visit(String elementId, Element element);
  }

  private static void walkElements(Element element, String nearestId, ElementVisitor visitor) {
    String id = element.hasAttribute("id") ? element.getAttribute("id") : nearestId;
    if ("BPMNDiagram".equals(element.getLocalName())) {
      return;
    }
    visitor.visit(id, element);
    NodeList children = element.getChildNodes();
    for (int i = 0; i < children.getLength(); i++) {
      if (children.item(i) instanceof Element e) {
        walkElements(e, id, visitor);
      }
    }
  }

  private interface TextVisitor {
    void visit(String elementId, String text);
  }

  /** Every attribute value and text of the process, with the ID of the nearest element that has one. */
  private static void walk(Element element, String nearestId, TextVisitor visitor) {
    String id = element.hasAttribute("id") ? element.getAttribute("id") : nearestId;
    if ("BPMNDiagram".equals(element.getLocalName())) {
      return;
    }
    NamedNodeMap attributes = element.getAttributes();
    for (int i = 0; i < attributes.getLength(); i++) {
      visitor.visit(id, attributes.item(i).getNodeValue());
    }
    NodeList children = element.getChildNodes();
    for (int i = 0; i < children.getLength(); i++) {
      Node child = children.item(i);
      if (child instanceof Element e) {
        walk(e, id, visitor);
      } else if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
        visitor.visit(id, child.getNodeValue());
      }
    }
  }

  // --- DEADLINE_AND_TIMER ------------------------------------------------------------------------

  private void deadlines(BpmnModelInstance model, List<Breach> breaches) {
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      List<BoundaryEvent> timers = model.getModelElementsByType(BoundaryEvent.class).stream()
          .filter(b -> b.getAttachedTo() == task)
          .filter(b -> b.getEventDefinitions().stream().anyMatch(d -> d instanceof TimerEventDefinition)).toList();
      String due = task.getCamundaDueDate();
      boolean stage = property(task, StageEnteredListener.STAGE_PROPERTY).isPresent();
      for (BoundaryEvent timer : timers) {
        if (timer.cancelActivity()) {
          breaches.add(new Breach(timer.getId(), Rule.DEADLINE_AND_TIMER,
              "a deadline reminds, it never decides: the timer must be non-interrupting"));
        }
        String at = timeDate(timer);
        if (due == null || at == null || !due.trim().equals(at.trim())) {
          breaches.add(new Breach(timer.getId(), Rule.DEADLINE_AND_TIMER, "the timer (" + at
              + ") is not at the task's due date (" + due + ") of " + task.getId()));
        }
      }
      if (stage && due != null && timers.isEmpty()) {
        breaches.add(new Breach(task.getId(), Rule.DEADLINE_AND_TIMER,
            "a stage with a due date needs a timer at that instant to remind its owner"));
      }
    }
  }

  private static String timeDate(BoundaryEvent timer) {
    return timer.getEventDefinitions().stream().filter(d -> d instanceof TimerEventDefinition)
        .map(d -> ((TimerEventDefinition) d).getTimeDate()).filter(t -> t != null).map(TimeDate::getTextContent)
        .findFirst().orElse(null);
  }

  // --- NOTIFY_STEP -------------------------------------------------------------------------------

  private void notifySteps(BpmnModelInstance model, List<Breach> breaches) {
    Set<String> userTasks = model.getModelElementsByType(UserTask.class).stream().map(UserTask::getId)
        .collect(Collectors.toSet());
    Set<String> kinds = Arrays.stream(NotificationKind.values()).map(Enum::name).collect(Collectors.toSet());
    for (SendTask send : model.getModelElementsByType(SendTask.class)) {
      String id = send.getId();
      if (!NOTIFY.equals(send.getCamundaDelegateExpression()) || send.getCamundaClass() != null
          || send.getCamundaExpression() != null) {
        breaches.add(new Breach(id, Rule.NOTIFY_STEP, "a notification step calls " + NOTIFY + " and nothing else"));
      }
      if (send.isCamundaAsyncBefore() || send.isCamundaAsyncAfter()) {
        breaches.add(new Breach(id, Rule.NOTIFY_STEP, "a notification step only records the request: not asynchronous"));
      }
      Optional<String> kind = input(send, NotifyDelegate.Inputs.KIND);
      if (kind.isEmpty() || !kinds.contains(kind.get().trim())) {
        breaches.add(new Breach(id, Rule.NOTIFY_STEP, "kind '" + kind.orElse("") + "' is none of " + new java.util.TreeSet<>(kinds)));
      }
      boolean owners = input(send, NotifyDelegate.Inputs.NOTIFY_STAGE_OWNERS).map(v -> Boolean.parseBoolean(v.trim())).orElse(false);
      Optional<String> stageTask = input(send, NotifyDelegate.Inputs.STAGE_TASK);
      if (input(send, NotifyDelegate.Inputs.NOTIFY_GROUPS).isEmpty() && input(send, NotifyDelegate.Inputs.NOTIFY_USERS).isEmpty() && !owners) {
        breaches.add(new Breach(id, Rule.NOTIFY_STEP, "notifies nobody: set notifyGroups, notifyUsers or notifyStageOwners"));
      }
      if (stageTask.isPresent() && !userTasks.contains(stageTask.get().trim())) {
        breaches.add(new Breach(id, Rule.NOTIFY_STEP, "stageTask '" + stageTask.get() + "' is no user task of this diagram"));
      }
      if (owners && stageTask.isEmpty()) {
        breaches.add(new Breach(id, Rule.NOTIFY_STEP, "notifyStageOwners needs the stageTask whose owners to notify"));
      }
    }
    for (ServiceTask service : model.getModelElementsByType(ServiceTask.class)) {
      String delegate = service.getCamundaDelegateExpression();
      if (delegate != null && delegate.startsWith("${notify")) {
        breaches.add(new Breach(service.getId(), Rule.NOTIFY_STEP, "notifications are send tasks calling " + NOTIFY));
      }
    }
  }

  // --- STAGE_CONTRACT ----------------------------------------------------------------------------

  private void stages(BpmnModelInstance model, List<Breach> breaches) {
    for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
      if (!(start.getParentElement() instanceof Process)) {
        continue;
      }
      if (!CaseVariables.RAISING_PRACTITIONER.equals(start.getCamundaInitiator())) {
        breaches.add(new Breach(start.getId(), Rule.STAGE_CONTRACT,
            "the raising practitioner is whoever starts the case: camunda:initiator=\"" + CaseVariables.RAISING_PRACTITIONER + "\""));
      }
      if (!hasListener(start, "start", "${caseOpened}")) {
        breaches.add(new Breach(start.getId(), Rule.STAGE_CONTRACT, "needs the ${caseOpened} start listener (checks the start, sets currentStage)"));
      }
      Optional.ofNullable(start.getCamundaFormRef()).flatMap(forms).ifPresent(form -> {
        Set<String> keys = form.fields().stream().map(FormField::key).collect(Collectors.toSet());
        for (String variable : List.of(CaseVariables.CASE_REFERENCE, CaseVariables.RAISING_AGENCY, CaseVariables.RECEIVING_AGENCY,
            CaseVariables.RECEIVING_PRACTITIONER_NAME, CaseVariables.DISAGREEMENT_CATEGORY, CaseVariables.DISPUTE_SUMMARY,
            CaseVariables.RISK_LEVEL)) {
          if (!keys.contains(variable)) {
            breaches.add(new Breach(start.getId(), Rule.STAGE_CONTRACT, "the start form lacks the start variable '" + variable + "'"));
          }
        }
      });
    }
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      Optional<String> stage = property(task, StageEnteredListener.STAGE_PROPERTY);
      boolean listener = hasListener(task, "start", "${stageEntered}");
      if (stage.isPresent() != listener) {
        breaches.add(new Breach(task.getId(), Rule.STAGE_CONTRACT,
            "a stage task has both the 'stage' property and the ${stageEntered} start listener (it sets currentStage)"));
      }
      if (stage.isPresent() && !stage.get().trim().matches("[1-5]")) {
        breaches.add(new Breach(task.getId(), Rule.STAGE_CONTRACT, "stage '" + stage.get() + "' is not 1 to 5"));
      }
    }
    for (ExclusiveGateway gateway : model.getModelElementsByType(ExclusiveGateway.class)) {
      Set<String> compared = new LinkedHashSet<>();
      for (SequenceFlow flow : gateway.getOutgoing()) {
        ConditionExpression condition = flow.getConditionExpression();
        if (condition != null) {
          Matcher m = OUTCOME_COMPARISON.matcher(condition.getTextContent());
          while (m.find()) {
            compared.add(m.group(1));
          }
        }
      }
      if (compared.isEmpty()) {
        continue;
      }
      for (SequenceFlow incoming : gateway.getIncoming()) {
        FlowNode source = incoming.getSource();
        Optional<FormField> outcome = source instanceof UserTask task ? Optional.ofNullable(task.getCamundaFormRef())
            .flatMap(forms).flatMap(form -> form.fields().stream()
                .filter(f -> f.key().equals(CaseVariables.STAGE_OUTCOME)).findFirst()) : Optional.empty();
        if (outcome.isEmpty() || !outcome.get().required() || !outcome.get().allowedValues().containsAll(compared)) {
          breaches.add(new Breach(gateway.getId(), Rule.STAGE_CONTRACT, "routes on stageOutcome " + compared
              + ", but " + source.getId() + "'s form has no required stageOutcome field offering them"));
        }
      }
    }
    boolean recordsResolution = model.getModelElementsByType(ServiceTask.class).stream()
        .anyMatch(s -> "${recordResolution}".equals(s.getCamundaDelegateExpression()));
    if (!recordsResolution) {
      breaches.add(new Breach(model.getModelElementsByType(Process.class).iterator().next().getId(), Rule.STAGE_CONTRACT,
          "no ${recordResolution} step: resolvedAtStage would never be set"));
    }
  }

  // --- helpers -----------------------------------------------------------------------------------

  private Stream<CamundaForm> formsOf(BpmnModelInstance model) {
    Stream<String> refs = Stream.concat(
        model.getModelElementsByType(UserTask.class).stream().map(UserTask::getCamundaFormRef),
        model.getModelElementsByType(StartEvent.class).stream().map(StartEvent::getCamundaFormRef));
    return refs.filter(r -> r != null).distinct().map(forms).flatMap(Optional::stream);
  }

  static Optional<String> input(BaseElement element, String name) {
    return element.getExtensionElements() == null ? Optional.empty()
        : element.getExtensionElements().getElementsQuery().filterByType(
                org.camunda.bpm.model.bpmn.instance.camunda.CamundaInputOutput.class).list().stream()
            .flatMap(io -> io.getCamundaInputParameters().stream())
            .filter(p -> name.equals(p.getCamundaName())).map(CamundaInputParameter::getTextContent).findFirst();
  }

  static Optional<String> property(BaseElement element, String name) {
    return element.getExtensionElements() == null ? Optional.empty()
        : element.getExtensionElements().getElementsQuery().filterByType(
                org.camunda.bpm.model.bpmn.instance.camunda.CamundaProperties.class).list().stream()
            .flatMap(p -> p.getCamundaProperties().stream())
            .filter(p -> name.equals(p.getCamundaName())).map(CamundaProperty::getCamundaValue).findFirst();
  }

  private static boolean hasListener(BaseElement element, String event, String delegateExpression) {
    return element.getExtensionElements() != null && element.getExtensionElements().getElementsQuery()
        .filterByType(CamundaExecutionListener.class).list().stream()
        .anyMatch(l -> event.equals(l.getCamundaEvent()) && delegateExpression.equals(l.getCamundaDelegateExpression()));
  }

  private static List<String> split(String value) {
    return value == null ? List.of() : Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }

  private static Collection<String> constants(Class<?> type) {
    List<String> values = new ArrayList<>();
    for (java.lang.reflect.Field field : type.getFields()) {
      if (java.lang.reflect.Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
        try {
          values.add((String) field.get(null));
        } catch (IllegalAccessException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    return values;
  }

  private static Document dom(BpmnModelInstance model) {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      return factory.newDocumentBuilder().parse(new ByteArrayInputStream(
          Bpmn.convertToString(model).getBytes(StandardCharsets.UTF_8)));
    } catch (Exception e) {
      throw new IllegalStateException("Unreadable diagram", e);
    }
  }
}
