package uk.safeguarding.escalation.casefile;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;
import uk.safeguarding.escalation.calendar.WorkingDayCalendar;
import uk.safeguarding.escalation.forms.CamundaForm;
import uk.safeguarding.escalation.forms.FormField;
import uk.safeguarding.escalation.forms.SubmissionValidator;

/**
 * The case so far, as the next person to act on it needs to read it: what the raiser entered and
 * what each completed task recorded, under the labels of the forms it was entered on, with who and
 * when. It is kept in the case ({@code caseRecord}, Json), appended as each task completes, and
 * Tasklist shows it above every task's form (app/tasklist/scripts/escalation/case-record.js).
 * Whoever may open a task may already read its case's variables, so this shows nobody more than
 * their case. Dates are written day first in Europe/London.
 */
@Component("caseRecord")
public class CaseRecord {

  /**
   * One step of the record: the start form or a completed task. {@code resolves} is true on the one
   * entry whose task resolved the case (marked by {@link #markResolution}), absent on the others.
   */
  public record Entry(String title, Integer stage, String by, String at, List<Line> lines,
                      @JsonInclude(JsonInclude.Include.NON_NULL) Boolean resolves) {
    public Entry(String title, Integer stage, String by, String at, List<Line> lines) {
      this(title, stage, by, at, lines, null);
    }
  }

  /** A form field as the person entered it: its label and its value in words. */
  public record Line(String label, String value) {}

  static final String CASE_RAISED = "Case raised";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<List<Entry>> ENTRIES = new TypeReference<>() {};
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy", Locale.UK);
  private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("EEE dd/MM/yyyy HH:mm", Locale.UK);
  private static final int LONGEST_VALUE = 4000;

  private final SubmissionValidator forms;
  private final IdentityService identityService;

  public CaseRecord(SubmissionValidator forms, IdentityService identityService) {
    this.forms = forms;
    this.identityService = identityService;
  }

  /** The case has started: its start form's values open the record. */
  public void opened(DelegateExecution execution) {
    Optional<CamundaForm> form = forms.startForm(execution.getProcessDefinitionId());
    String raiser = (String) execution.getVariable(CaseVariables.RAISING_PRACTITIONER);
    append(execution.getProcessInstance(), new Entry(CASE_RAISED, stage(execution), person(raiser), now(),
        form.map(f -> lines(f, execution)).orElse(List.of())));
  }

  /** A task completes: what its form recorded, by whom. */
  public void taskCompleted(DelegateTask task) {
    Optional<CamundaForm> form = forms.taskForm(task);
    if (form.isEmpty() || task.getExecution() == null) {
      return; // a task without a Camunda Form records nothing of its own
    }
    append(task.getExecution().getProcessInstance(), new Entry(task.getName(), stage(task.getExecution()),
        person(task.getAssignee()), now(), lines(form.get(), task)));
  }

  /**
   * The case has just been resolved ({@code ${recordResolution}}, which every protocol runs in the
   * same transaction as the task whose completion resolved it): the record's last entry is that
   * task's, the written outcome the parties are told of (OutcomeResource shows it to them).
   */
  public static void markResolution(DelegateExecution execution) {
    DelegateExecution processInstance = execution.getProcessInstance();
    List<Entry> entries = new ArrayList<>(of(processInstance));
    if (entries.isEmpty()) {
      return;
    }
    Entry last = entries.remove(entries.size() - 1);
    entries.add(new Entry(last.title(), last.stage(), last.by(), last.at(), last.lines(), Boolean.TRUE));
    write(processInstance, entries);
  }

  /** The record as kept in {@code variables}' case (empty before it starts). */
  public static List<Entry> of(VariableScope variables) {
    SerializableValue value = variables.getVariableTyped(CaseVariables.CASE_RECORD, false);
    return value == null ? List.of() : entries(value.getValueSerialized());
  }

  /** The record from its serialized form, as REST and Tasklist read it. */
  public static List<Entry> entries(String json) {
    if (json == null) {
      return List.of();
    }
    try {
      return JSON.readValue(json, ENTRIES);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Unreadable case record", e);
    }
  }

  private static void append(DelegateExecution processInstance, Entry entry) {
    List<Entry> entries = new ArrayList<>(of(processInstance));
    entries.add(entry);
    write(processInstance, entries);
  }

  private static void write(DelegateExecution processInstance, List<Entry> entries) {
    try {
      processInstance.setVariable(CaseVariables.CASE_RECORD, SpinValues.jsonValue(JSON.writeValueAsString(entries)).create());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<Line> lines(CamundaForm form, VariableScope variables) {
    List<Line> lines = new ArrayList<>();
    for (FormField field : form.fields()) {
      if (field.readonly()) {
        continue; // a copy of something recorded earlier, shown for information
      }
      words(field, variables.getVariable(field.key())).ifPresent(value -> lines.add(new Line(field.label(), value)));
    }
    return lines;
  }

  /** A stored value as the person chose it: option labels, Yes/No, day-first dates. */
  static Optional<String> words(FormField field, Object value) {
    if (value == null || (value instanceof String s && s.isBlank())) {
      return Optional.empty();
    }
    String text;
    if (value instanceof Boolean b) {
      text = b ? "Yes" : "No";
    } else if (value instanceof Date date) {
      text = DAY_TIME.format(date.toInstant().atZone(WorkingDayCalendar.ZONE));
    } else if (value instanceof Collection<?> values) {
      text = values.stream().map(v -> field.labelOf(String.valueOf(v))).collect(Collectors.joining(", "));
    } else if ("datetime".equals(field.type()) && value instanceof String s) {
      text = day(s);
    } else if (value instanceof Map<?, ?> || value.getClass().getName().startsWith("org.camunda.spin")) {
      text = listOf(field, value.toString());
    } else {
      text = field.labelOf(value.toString());
    }
    return Optional.of(text.length() <= LONGEST_VALUE ? text : text.substring(0, LONGEST_VALUE) + "…");
  }

  private static String listOf(FormField field, String json) {
    try {
      List<Object> values = JSON.readValue(json, new TypeReference<List<Object>>() {});
      if (values.stream().anyMatch(v -> v instanceof Map<?, ?>)) {
        // a repeating table (e.g. an action plan): a line a row, its cells in order
        return values.stream().map(row -> row instanceof Map<?, ?> cells
            ? cells.values().stream().filter(c -> c != null && !c.toString().isBlank()).map(c -> dayIfDate(c.toString()))
                .collect(Collectors.joining(" · "))
            : String.valueOf(row)).collect(Collectors.joining("\n"));
      }
      return values.stream().map(v -> field.labelOf(String.valueOf(v))).collect(Collectors.joining(", "));
    } catch (JsonProcessingException e) {
      return json;
    }
  }

  private static String dayIfDate(String text) {
    return text.matches("\\d{4}-\\d{2}-\\d{2}") ? day(text) : text;
  }

  private static String day(String iso) {
    try {
      return DAY.format(LocalDate.parse(iso));
    } catch (DateTimeParseException notADate) {
      try {
        return DAY_TIME.format(OffsetDateTime.parse(iso).atZoneSameInstant(WorkingDayCalendar.ZONE));
      } catch (DateTimeParseException notAnInstant) {
        try {
          return DAY_TIME.format(LocalDateTime.parse(iso));
        } catch (DateTimeParseException e) {
          return iso;
        }
      }
    }
  }

  private String person(String userId) {
    if (userId == null) {
      return "-";
    }
    User user = identityService.createUserQuery().userId(userId).singleResult();
    String name = user == null ? "" : ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
        + (user.getLastName() == null ? "" : user.getLastName())).trim();
    return name.isEmpty() ? userId : name + " (" + userId + ")";
  }

  private static Integer stage(VariableScope variables) {
    Object stage = variables.getVariable(CaseVariables.CURRENT_STAGE);
    return stage instanceof Number n ? n.intValue() : null;
  }

  private static String now() {
    return DAY_TIME.format(Instant.ofEpochMilli(ClockUtil.getCurrentTime().getTime()).atZone(WorkingDayCalendar.ZONE));
  }
}
