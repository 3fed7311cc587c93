package uk.safeguarding.escalation.monitoring;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.sql.Timestamp;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import uk.safeguarding.escalation.identity.Partnership;
import uk.safeguarding.escalation.identity.Partnerships;

/**
 * What an operator watches (README "Metrics and health"). Cluster-wide values are read from the
 * shared database, so every node reports the same numbers; {@link #refresh()} runs just before each
 * scrape ({@link MonitoringConfiguration}) because the set of (protocol, stage) series changes as
 * cases move. Grouped counts are plain SQL over Camunda's runtime tables: the engine's query API
 * cannot group, and one query per stage would grow with every protocol.
 */
@Component
public class EscalationMetrics {

  private final JdbcTemplate jdbc;
  private final Set<String> protocols;
  private final MultiGauge openCases;
  private final MultiGauge deadlinesBreached;
  private final MultiGauge incidents;

  EscalationMetrics(MeterRegistry registry, DataSource dataSource, ManagementService management,
      Partnerships partnerships) {
    this.jdbc = new JdbcTemplate(dataSource);
    this.protocols = partnerships.all().stream().map(Partnership::processKey).collect(Collectors.toSet());
    this.openCases = MultiGauge.builder("escalation.cases.open")
        .description("Running cases by protocol (process key) and current stage").register(registry);
    this.deadlinesBreached = MultiGauge.builder("escalation.deadlines.breached")
        .description("Open stage tasks whose due date (the stage deadline) has passed, by protocol").register(registry);
    this.incidents = MultiGauge.builder("escalation.incidents.open")
        .description("Open incidents (failed jobs out of retries) by process key, e.g. notification-delivery")
        .register(registry);
    // Jobs are cheap single counts, read at each scrape.
    Gauge.builder("escalation.jobs.due", management, m -> m.createJobQuery().executable().count())
        .description("Job executor backlog: jobs due now with retries left (timers, notification deliveries)")
        .register(registry);
    Gauge.builder("escalation.jobs.failed", management, m -> m.createJobQuery().noRetriesLeft().count())
        .description("Jobs out of retries (each is an incident)").register(registry);
  }

  /** Re-reads the grouped counts; series that disappeared (e.g. no case left at a stage) are dropped. */
  public synchronized void refresh() {
    openCases.register(jdbc.query(
        "select d.KEY_ as process_key, v.LONG_ as stage, count(*) as n from ACT_RU_EXECUTION e"
            + " join ACT_RE_PROCDEF d on d.ID_ = e.PROC_DEF_ID_"
            + " left join ACT_RU_VARIABLE v on v.EXECUTION_ID_ = e.ID_ and v.NAME_ = 'currentStage'"
            + " where e.ID_ = e.PROC_INST_ID_ group by d.KEY_, v.LONG_",
        (rs, i) -> {
          long stage = rs.getLong("stage");
          return new Count(rs.getString("process_key") + "|" + (rs.wasNull() ? "none" : Long.toString(stage)),
              rs.getLong("n"));
        }).stream()
        .filter(c -> protocols.contains(c.key().substring(0, c.key().indexOf('|'))))
        .<MultiGauge.Row<?>>map(c -> MultiGauge.Row.of(Tags.of("protocol", c.key().substring(0, c.key().indexOf('|')),
            "stage", c.key().substring(c.key().indexOf('|') + 1)), c.n()))
        .toList(), true);
    Timestamp now = new Timestamp(ClockUtil.getCurrentTime().getTime());
    deadlinesBreached.register(rows(jdbc.query(
        "select d.KEY_ as process_key, count(*) as n from ACT_RU_TASK t join ACT_RE_PROCDEF d on d.ID_ = t.PROC_DEF_ID_"
            + " where t.DUE_DATE_ < ? group by d.KEY_",
        (rs, i) -> new Count(rs.getString("process_key"), rs.getLong("n")), now), "protocol", true), true);
    incidents.register(rows(jdbc.query(
        "select d.KEY_ as process_key, count(*) as n from ACT_RU_INCIDENT i join ACT_RE_PROCDEF d on d.ID_ = i.PROC_DEF_ID_"
            + " group by d.KEY_",
        (rs, i) -> new Count(rs.getString("process_key"), rs.getLong("n"))), "process", false), true);
  }

  private record Count(String key, long n) {}

  private List<MultiGauge.Row<?>> rows(List<Count> counts, String tag, boolean protocolsOnly) {
    return counts.stream().filter(c -> !protocolsOnly || protocols.contains(c.key()))
        .<MultiGauge.Row<?>>map(c -> MultiGauge.Row.of(Tags.of(tag, c.key()), c.n())).toList();
  }
}
