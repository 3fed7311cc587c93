package uk.safeguarding.escalation.forms;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.form.CamundaFormRef;
import org.camunda.bpm.engine.impl.form.handler.DefaultFormHandler;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import uk.safeguarding.escalation.casefile.CaseVariables;
import uk.safeguarding.escalation.casefile.ProcessKeys;
import uk.safeguarding.escalation.identity.GroupIds;
import uk.safeguarding.escalation.identity.Partnership;
import uk.safeguarding.escalation.identity.Partnerships;

/**
 * Server-side validation of what users submit: the deployed Camunda Form's own rules plus the
 * protocol's cross-field rules. Camunda Forms only validate in the browser and REST clients bypass
 * them, so every start and every task completion is checked here before the engine acts.
 */
@Service
public class SubmissionValidator {

  private final FormService formService;
  private final TaskService taskService;
  private final Map<String, ProtocolRules> rulesByProcess;
  /** Parsed forms by process definition and form key, for forms bound to their deployment ({@link #cached}). */
  private final Map<String, CamundaForm> formsByDefinition = new java.util.concurrent.ConcurrentHashMap<>();

  private final IdentityService identityService;
  private final Partnerships partnerships;

  public SubmissionValidator(FormService formService, TaskService taskService, IdentityService identityService,
      Partnerships partnerships, List<ProtocolRules> rules) {
    this.formService = formService;
    this.taskService = taskService;
    this.identityService = identityService;
    this.partnerships = partnerships;
    this.rulesByProcess = rules.stream().collect(Collectors.toMap(ProtocolRules::processKey, Function.identity()));
  }

  /**
   * Violations of {@code starter} starting process definition {@code processDefinitionId} with
   * {@code variables}; {@code starter} may be null for a start by the system itself.
   */
  public List<Violation> checkStart(String processDefinitionId, Map<String, Object> variables, String starter) {
    List<Violation> violations = new ArrayList<>();
    startForm(processDefinitionId).ifPresent(form -> violations.addAll(FormValidator.validate(form, variables)));
    ownAgency(ProcessKeys.of(processDefinitionId), variables.get(CaseVariables.RAISING_AGENCY), starter)
        .ifPresent(violations::add);
    Optional.ofNullable(rulesByProcess.get(ProcessKeys.of(processDefinitionId)))
        .ifPresent(rules -> violations.addAll(rules.checkStart(variables)));
    return violations;
  }

  /** Violations of completing {@code taskId} with {@code variables} (the values submitted, not those already stored). */
  public List<Violation> checkTask(String taskId, Map<String, Object> variables) {
    Task task = findTask(taskId);
    return task == null ? List.of() : checkTask(task, formOf(task), variables);
  }

  /** {@link #checkTask(String, Map)} for the engine's own task (a listener's), without looking it up again. */
  public List<Violation> checkTask(DelegateTask task, Map<String, Object> variables) {
    Task entity = withFormKey(task);
    return entity == null ? checkTask(task.getId(), variables) : checkTask(entity, formOf(entity), variables);
  }

  /** The engine's own task with its form reference resolved; null if it is not one (then looked up by ID). */
  private static Task withFormKey(DelegateTask task) {
    if (!(task instanceof TaskEntity entity) || entity.getProcessDefinitionId() == null) {
      return null;
    }
    entity.initializeFormKey();
    return entity;
  }

  private List<Violation> checkTask(Task task, Optional<CamundaForm> form, Map<String, Object> variables) {
    List<Violation> violations = new ArrayList<>();
    form.ifPresent(f -> violations.addAll(FormValidator.validate(f, variables)));
    Optional.ofNullable(rulesByProcess.get(ProcessKeys.of(task.getProcessDefinitionId())))
        .ifPresent(rules -> violations.addAll(rules.checkTask(task.getTaskDefinitionKey(), variables)));
    return violations;
  }

  /** {@link #checkStart}, and the submission carries only its start form's fields ({@link SubmittedFields}). */
  public List<Violation> checkStartSubmission(String processDefinitionId, Map<String, Object> submitted, String starter) {
    List<Violation> violations = new ArrayList<>(
        SubmittedFields.check(startForm(processDefinitionId), submitted, Map.of(), CaseVariables.CONTRACT_START));
    violations.addAll(checkStart(processDefinitionId, submitted, starter));
    return violations;
  }

  /**
   * {@link #checkTask}, and the submission carries only its form's fields, read-only ones unchanged
   * ({@link SubmittedFields}). For the HTTP layer, which sees what was submitted; the engine's
   * complete listener sees only the case's values after the submission.
   */
  public List<Violation> checkTaskSubmission(String taskId, Map<String, Object> submitted) {
    Task task = findTask(taskId);
    if (task == null) {
      return List.of();
    }
    Optional<CamundaForm> form = formOf(task);
    List<String> readonly = form.map(f -> f.fields().stream().filter(FormField::readonly).map(FormField::key).toList())
        .orElse(List.of());
    Map<String, Object> stored = readonly.isEmpty() ? Map.of() : taskService.getVariables(taskId, readonly);
    List<Violation> violations = new ArrayList<>(SubmittedFields.check(form, submitted, stored, Set.of()));
    violations.addAll(checkTask(task, form, submitted));
    return violations;
  }

  /** The task as its user may see it (null if not, or if it is no process's), with its form reference. */
  private Task findTask(String taskId) {
    Task task = taskService.createTaskQuery().taskId(taskId).initializeFormKeys().singleResult();
    return task == null || task.getProcessDefinitionId() == null ? null : task;
  }

  /** The engine's own check of a start (start listener): the start variables are all submitted. */
  public void requireValidStart(String processDefinitionId, Map<String, Object> variables, String starter) {
    List<Violation> violations = checkStartSubmission(processDefinitionId, variables, starter);
    if (!violations.isEmpty()) {
      throw new FormValidationException("case start", violations);
    }
  }

  /** A practitioner raises a disagreement for their own agency: its staff group must include them. */
  private Optional<Violation> ownAgency(String processKey, Object raisingAgency, String starter) {
    Optional<Partnership> partnership = partnerships.byProcessKey(processKey);
    if (starter == null || !(raisingAgency instanceof String agency) || partnership.isEmpty()
        || !partnership.get().hasAgency(agency)) {
      return Optional.empty(); // unknown agencies are the form's concern
    }
    String agencyGroup = GroupIds.agency(partnership.get(), partnership.get().agency(agency));
    boolean member = identityService.createUserQuery().userId(starter).memberOfGroup(agencyGroup).count() > 0;
    boolean admin = identityService.createUserQuery().userId(starter).memberOfGroup(GroupIds.ADMIN).count() > 0;
    return member || admin ? Optional.empty()
        : Optional.of(new Violation(CaseVariables.RAISING_AGENCY, "must be your own agency (you are not in " + agencyGroup + ")"));
  }

  // Only ask for a deployed form where there is one: inside a running command an engine exception
  // (even one caught here) would doom the surrounding transaction.
  /** The Camunda Form of a process definition's start event, if it has one. */
  public Optional<CamundaForm> startForm(String processDefinitionId) {
    CamundaFormRef ref = formService.getStartFormData(processDefinitionId).getCamundaFormRef(); // also the READ check
    if (ref == null) {
      return Optional.empty();
    }
    return cached(ref, processDefinitionId, () -> {
      try (InputStream in = formService.getDeployedStartForm(processDefinitionId)) {
        return Optional.of(CamundaForm.parse(in));
      } catch (ProcessEngineException | java.io.IOException e) {
        return Optional.empty(); // no Camunda Form on this start event
      }
    });
  }

  /** The Camunda Form of a task, if it has one. */
  public Optional<CamundaForm> taskForm(String taskId) {
    Task task = findTask(taskId);
    return task == null ? Optional.empty() : formOf(task);
  }

  /** The Camunda Form of the engine's own task (a listener's), without looking it up again. */
  public Optional<CamundaForm> taskForm(DelegateTask task) {
    Task entity = withFormKey(task);
    return entity == null ? taskForm(task.getId()) : formOf(entity);
  }

  private Optional<CamundaForm> formOf(Task task) {
    CamundaFormRef ref = task.getCamundaFormRef();
    if (ref == null) {
      return Optional.empty();
    }
    return cached(ref, task.getProcessDefinitionId(), () -> {
      try (InputStream in = formService.getDeployedTaskForm(task.getId())) {
        return Optional.of(CamundaForm.parse(in));
      } catch (ProcessEngineException | java.io.IOException e) {
        return Optional.empty();
      }
    });
  }

  /**
   * A form bound to its diagram's deployment (every protocol's) is the same for every case of a
   * process definition: read and parsed once, not at each of the five or so checks of every start
   * and submission (README "Performance"). Other bindings ("latest", "version") are read each time.
   */
  private Optional<CamundaForm> cached(CamundaFormRef ref, String processDefinitionId,
      java.util.function.Supplier<Optional<CamundaForm>> load) {
    if (!DefaultFormHandler.FORM_REF_BINDING_DEPLOYMENT.equals(ref.getBinding())) {
      return load.get();
    }
    String key = processDefinitionId + "/" + ref.getKey();
    CamundaForm known = formsByDefinition.get(key);
    if (known != null) {
      return Optional.of(known);
    }
    Optional<CamundaForm> loaded = load.get();
    loaded.ifPresent(form -> formsByDefinition.put(key, form));
    return loaded;
  }
}
