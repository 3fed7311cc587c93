package uk.safeguarding.escalation.tasklist;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import uk.safeguarding.escalation.identity.GroupIds;
import uk.safeguarding.escalation.identity.IdentityModelInitializer;
import uk.safeguarding.escalation.identity.Partnership;
import uk.safeguarding.escalation.identity.Partnerships;

/**
 * The shared Tasklist filters staff expect, created once at start-up: My tasks, My group's tasks,
 * Overdue, and one per protocol; each sorted by due date and showing the case reference and stage.
 * The common filters are readable by all staff, a protocol's filter by its partnership's staff;
 * authorizations still decide which tasks a filter shows to whom. Existing filters (an admin may
 * have changed them) are left alone.
 */
@Component
@Order(4)
public class TasklistFilters extends AbstractProcessEnginePlugin {

  public static final String MY_TASKS = "My tasks";
  public static final String MY_GROUPS_TASKS = "My group's tasks";
  public static final String OVERDUE = "Overdue";

  private static final Logger LOG = LoggerFactory.getLogger(TasklistFilters.class);

  /** A filter and the partnership whose staff may use it (null: all staff of every partnership). */
  record Definition(String name, String description, int priority, Function<TaskService, TaskQuery> query,
                    Partnership partnership) {}

  private final Partnerships partnerships;

  public TasklistFilters(Partnerships partnerships) {
    this.partnerships = partnerships;
  }

  List<Definition> definitions() {
    List<Definition> definitions = new java.util.ArrayList<>(List.of(
        new Definition(MY_TASKS, "Tasks assigned to me", -30,
            t -> t.createTaskQuery().taskAssigneeExpression("${currentUser()}"), null),
        new Definition(MY_GROUPS_TASKS, "Unclaimed tasks offered to my groups", -20,
            t -> t.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}"), null),
        new Definition(OVERDUE, "Tasks I can see whose due date has passed", -10,
            t -> t.createTaskQuery().dueBeforeExpression("${now()}"), null)));
    List<Partnership> all = partnerships.all();
    for (int i = 0; i < all.size(); i++) {
      Partnership p = all.get(i);
      definitions.add(new Definition(p.name(), "Every task of the " + p.processKey() + " protocol I can see",
          10 + i, t -> t.createTaskQuery().processDefinitionKey(p.processKey()), p));
    }
    return definitions;
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    FilterService filters = engine.getFilterService();
    for (Definition definition : definitions()) {
      if (filters.createTaskFilterQuery().filterName(definition.name()).count() > 0) {
        continue;
      }
      TaskQuery query = definition.query().apply(engine.getTaskService()).orderByDueDate().asc();
      Filter filter = filters.newTaskFilter(definition.name()).setQuery(query).setProperties(properties(definition));
      filters.saveFilter(filter);
      for (Partnership p : partnerships.all()) {
        if (definition.partnership() == null || definition.partnership().equals(p)) {
          IdentityModelInitializer.grant(engine.getAuthorizationService(), GroupIds.partnership(p), Resources.FILTER,
              filter.getId(), Permissions.READ);
        }
      }
      LOG.info("Created Tasklist filter '{}'", definition.name());
    }
  }

  private static Map<String, Object> properties(Definition definition) {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("description", definition.description());
    properties.put("priority", definition.priority());
    properties.put("refresh", true);
    properties.put("variables", List.of(
        Map.of("name", "caseReference", "label", "Case"),
        Map.of("name", "currentStage", "label", "Stage")));
    return properties;
  }
}
