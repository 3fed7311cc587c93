package uk.safeguarding.escalation.availability;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The application's DataSource, noting on the request's thread when no connection could be had:
 * by then the engine or Spring may have turned the failure into any answer (Camunda's 500, the
 * Basic-auth filter's 401), and the request must still be answered 503.
 */
class RecordingDataSource extends DelegatingDataSource {

  RecordingDataSource(DataSource target) {
    super(target);
  }

  @Override
  public Connection getConnection() throws SQLException {
    try {
      return super.getConnection();
    } catch (SQLException | RuntimeException e) {
      DatabaseFailures.seen();
      throw e;
    }
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    try {
      return super.getConnection(username, password);
    } catch (SQLException | RuntimeException e) {
      DatabaseFailures.seen();
      throw e;
    }
  }
}
