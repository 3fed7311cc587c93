package uk.safeguarding.escalation.notification;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.AbstractHistoryLevel;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.IncidentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;
import org.springframework.stereotype.Component;

/**
 * History level {@value #NAME} ({@code camunda.bpm.history-level}): Camunda's full history for every
 * case, none for {@code notification-delivery} instances. A delivery's record is the notification
 * log (who, what kind, when, delivered or failed, removed with its case); the engine's history of
 * a delivery was about 40 more statements per notification, among them the removal-time update of
 * every history table when it ended, and half the cost of a deadline in a storm (README "Performance").
 *
 * <p>Its ID is full's (3), the level a database records: a database created under {@code full}
 * starts with this level unchanged, and back. Only the events' entity tells a delivery apart;
 * checks without one (the parser's, incidents' creation) are answered as {@code full} would.
 */
public final class DeliveryHistoryLevel extends AbstractHistoryLevel {

  public static final String NAME = "full-except-deliveries";

  private static final String DELIVERY_DEFINITION_ID = NotificationDeliveryProcess.KEY + ":";

  @Override
  public int getId() {
    return HistoryLevel.HISTORY_LEVEL_FULL.getId();
  }

  @Override
  public String getName() {
    return NAME;
  }

  @Override
  public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
    return !ofDelivery(entity);
  }

  static boolean ofDelivery(Object entity) {
    if (entity instanceof JobEntity job) {
      return NotificationDeliveryProcess.KEY.equals(job.getProcessDefinitionKey());
    }
    if (entity instanceof HistoryEvent event) {
      return NotificationDeliveryProcess.KEY.equals(event.getProcessDefinitionKey());
    }
    String definitionId = entity instanceof ExecutionEntity execution ? execution.getProcessDefinitionId()
        : entity instanceof VariableInstanceEntity variable ? variable.getProcessDefinitionId()
        : entity instanceof IncidentEntity incident ? incident.getProcessDefinitionId()
        : null;
    return definitionId != null && definitionId.startsWith(DELIVERY_DEFINITION_ID);
  }

  /** Offers the level to the engine; {@code camunda.bpm.history-level} chooses it by name. */
  @Component
  static class Registration extends AbstractProcessEnginePlugin {
    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
      java.util.List<HistoryLevel> levels = configuration.getCustomHistoryLevels() == null
          ? new java.util.ArrayList<>() : new java.util.ArrayList<>(configuration.getCustomHistoryLevels());
      levels.add(new DeliveryHistoryLevel());
      configuration.setCustomHistoryLevels(levels);
    }
  }
}
