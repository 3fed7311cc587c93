package uk.safeguarding.escalation.availability;

import java.net.ConnectException;
import java.net.SocketException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

/**
 * Whether a failure means "the database cannot be reached" (as opposed to a bad request or a bug),
 * however Camunda (ProcessEngineException, MyBatis' PersistenceException) or Spring wrapped it; and,
 * per request thread, whether the request met such a failure even if it was answered otherwise.
 */
final class DatabaseFailures {

  /** Set while a request runs (by {@link DatabaseUnavailableFilter}); marked by {@link RecordingDataSource}. */
  private static final ThreadLocal<boolean[]> SEEN_IN_REQUEST = new ThreadLocal<>();

  private DatabaseFailures() {}

  static void beginRequest() {
    SEEN_IN_REQUEST.set(new boolean[1]);
  }

  /** Whether the request on this thread met an unreachable database; ends its record. */
  static boolean endRequest() {
    boolean[] seen = SEEN_IN_REQUEST.get();
    SEEN_IN_REQUEST.remove();
    return seen != null && seen[0];
  }

  static boolean seenInThisRequest() {
    boolean[] seen = SEEN_IN_REQUEST.get();
    return seen != null && seen[0];
  }

  static void seen() {
    boolean[] seen = SEEN_IN_REQUEST.get();
    if (seen != null) {
      seen[0] = true;
    }
  }

  static boolean isUnavailable(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof CannotGetJdbcConnectionException || t instanceof SQLTransientConnectionException
          || t instanceof SQLNonTransientConnectionException || t instanceof ConnectException
          || t instanceof SocketException) {
        return true;
      }
      if (t instanceof SQLException sql && isConnectionState(sql.getSQLState())) {
        return true;
      }
    }
    return false;
  }

  /**
   * SQLSTATE class 08 (connection exception), PostgreSQL's 57P01–57P03 (server shutting down,
   * crashed, or still starting up).
   */
  static boolean isConnectionState(String state) {
    return state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02")
        || state.equals("57P03"));
  }
}
