package uk.safeguarding.escalation.cockpit;

import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import uk.safeguarding.escalation.identity.Partnerships;

/** Adds {@link CaseSummaryHistoryHandler} beside Camunda's own history handler (which stays on). */
@Component
class CaseSummaryConfiguration extends AbstractProcessEnginePlugin {

  private final DataSource dataSource;
  private final Partnerships partnerships;

  CaseSummaryConfiguration(DataSource dataSource, Partnerships partnerships) {
    this.dataSource = dataSource;
    this.partnerships = partnerships;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<HistoryEventHandler> handlers = configuration.getCustomHistoryEventHandlers() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomHistoryEventHandlers());
    handlers.add(new CaseSummaryHistoryHandler(new JdbcTemplate(dataSource), partnerships));
    configuration.setCustomHistoryEventHandlers(handlers);
    configuration.setEnableDefaultDbHistoryEventHandler(true);
  }
}
