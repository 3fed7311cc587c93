package uk.safeguarding.escalation.security;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.HandleTaskBpmnErrorCmd;
import org.camunda.bpm.engine.impl.cmd.HandleTaskEscalationCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import uk.safeguarding.escalation.identity.GroupIds;

/**
 * Camunda lets whoever may work a task (TASK_WORK: its assignee and candidates) also throw a BPMN
 * error or escalation from it, with any variables. Our diagrams catch neither on a user task, and
 * an uncaught BPMN error ends the case; either would change a case past its form. So the engine
 * refuses both commands for everyone but administrators, whichever route (REST, webapps, Java)
 * asks for them.
 */
@Component
public class TaskShortcutGuard extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(TaskShortcutGuard.class);

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<CommandInterceptor> interceptors = configuration.getCustomPreCommandInterceptorsTxRequired() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreCommandInterceptorsTxRequired());
    interceptors.add(new CommandInterceptor() {
      @Override
      public <T> T execute(Command<T> command) {
        if (command instanceof HandleTaskBpmnErrorCmd || command instanceof HandleTaskEscalationCmd) {
          Authentication user = configuration.getIdentityService().getCurrentAuthentication();
          boolean admin = user != null && user.getGroupIds() != null && user.getGroupIds().contains(GroupIds.ADMIN);
          if (user != null && !admin) {
            LOG.warn("Refused BPMN error/escalation from a task by '{}'", user.getUserId());
            throw new AuthorizationException(ApiErrorFilter.USE_THE_FORM);
          }
        }
        return next.execute(command);
      }
    });
    configuration.setCustomPreCommandInterceptorsTxRequired(interceptors);
  }
}
