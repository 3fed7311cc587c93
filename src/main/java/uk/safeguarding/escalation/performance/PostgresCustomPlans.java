package uk.safeguarding.escalation.performance;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * On PostgreSQL every connection of the engine's pool plans each statement for its actual
 * parameters ({@code plan_cache_mode = force_custom_plan}). Camunda's task queries under
 * authorization test {@code PERMS_ & ? = ?}: only with the values in the plan can PostgreSQL use
 * the statistics V4 adds. After five executions of a prepared statement it may switch to a generic
 * plan, which guesses again and loops over every grant per task: with 16 000 tasks in a group,
 * Tasklist's filter went from about a second to over 30 s (issue 17, queries at scale). A custom
 * plan costs a millisecond or two of planning per statement. H2 is left as it is.
 */
@Configuration(proxyBeanMethods = false)
class PostgresCustomPlans {

  static final String INIT_SQL = "SET plan_cache_mode = force_custom_plan";

  @Bean
  static BeanPostProcessor customPlansOnPostgres() {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource pool && pool.getJdbcUrl() != null
            && pool.getJdbcUrl().startsWith("jdbc:postgresql:") && pool.getConnectionInitSql() == null) {
          pool.setConnectionInitSql(INIT_SQL);
        }
        return bean;
      }
    };
  }
}
