package uk.safeguarding.escalation.availability;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;

/**
 * Asks the database directly (a fresh connection, not the pool, one second at most) whether it
 * answers: for a server error that carries no sign of its cause, e.g. a connection dropped in the
 * middle of a query when the server went down.
 */
class DatabaseProbe {

  private static final int SECONDS = 1;

  private final DataSourceProperties dataSource;

  DatabaseProbe(DataSourceProperties dataSource) {
    this.dataSource = dataSource;
  }

  boolean answers() {
    String url = dataSource.determineUrl();
    Properties properties = new Properties();
    properties.setProperty("user", dataSource.determineUsername());
    properties.setProperty("password", dataSource.determinePassword());
    if (url.startsWith("jdbc:postgresql:")) {
      properties.setProperty("connectTimeout", Integer.toString(SECONDS));
      properties.setProperty("loginTimeout", Integer.toString(SECONDS));
      properties.setProperty("socketTimeout", Integer.toString(SECONDS));
    }
    try (Connection connection = DriverManager.getConnection(url, properties)) {
      return connection.isValid(SECONDS);
    } catch (SQLException | RuntimeException e) {
      return false;
    }
  }
}
