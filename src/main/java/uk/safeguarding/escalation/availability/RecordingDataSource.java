package uk.safeguarding.escalation.availability;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
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
    failFastIfAlreadySeen();
    try {
      return super.getConnection();
    } catch (SQLException | RuntimeException e) {
      DatabaseFailures.seen();
      throw e;
    }
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    failFastIfAlreadySeen();
    try {
      return super.getConnection(username, password);
    } catch (SQLException | RuntimeException e) {
      DatabaseFailures.seen();
      throw e;
    }
  }

  /** A request waits out the pool's timeout once at most, however many connections it then asks for. */
  private static void failFastIfAlreadySeen() throws SQLTransientConnectionException {
    if (DatabaseFailures.seenInThisRequest()) {
      throw new SQLTransientConnectionException("The database could not be reached earlier in this request");
    }
  }
}
