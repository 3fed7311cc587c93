package uk.safeguarding.escalation.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A benchmark fill, not how cases are created: copies the process instances of one process
 * definition that the engine itself created (the "templates": real starts by staff, some a stage
 * or two further) {@code copies} times each, in PostgreSQL, with set-based SQL
 * ({@code INSERT … SELECT … CROSS JOIN generate_series(1, copies)}), so 100 000 open cases take a
 * minute or two instead of the half hour the engine would need.
 *
 * <p>Copy n of a row gets every instance-local id (ID_, PROC_INST_ID_, EXECUTION_ID_, TASK_ID_,
 * PARENT_ID_, ACT_INST_ID_, BYTEARRAY_ID_, VAR_SCOPE_, …) mapped by the same function
 * {@code id → id || '-' || n} (ids too long for that: {@code md5(id) || '-' || n}), so references
 * between the copied rows stay consistent across ACT_RU_EXECUTION, ACT_RU_TASK,
 * ACT_RU_IDENTITYLINK, ACT_RU_VARIABLE, ACT_RU_JOB, ACT_RU_EVENT_SUBSCR, ACT_RU_AUTHORIZATION
 * (the per-task grants), ACT_GE_BYTEARRAY, ACT_HI_PROCINST, ACT_HI_ACTINST, ACT_HI_TASKINST,
 * ACT_HI_VARINST, ACT_HI_DETAIL, ACT_HI_IDENTITYLINK, ACT_HI_OP_LOG, ACT_HI_JOB_LOG and, where
 * they exist, the application's esc_case_summary, esc_case_breach and esc_notification_log.
 * Definition-level columns (process definition, deployment, job definition, activity ids, users,
 * groups) are kept. The business key and the caseReference variable get the same suffix. Every
 * timestamp of copy n moves back by the same pseudo-random offset (0 to 180 days), so tasks' due
 * dates and cases' opening times spread out and "by due date" / "newest first" orders are
 * meaningful; the copies' timer jobs are due in 2100, so none fires during the benchmark.
 */
final class CloneFill {

  /** Columns holding ids that belong to one process instance (lower case, as PostgreSQL names them). */
  static final Set<String> INSTANCE_IDS = Set.of("id_", "proc_inst_id_", "process_instance_id_", "execution_id_",
      "root_proc_inst_id_", "parent_id_", "super_exec_", "super_process_instance_id_", "task_id_", "parent_task_id_",
      "bytearray_id_", "act_inst_id_", "parent_act_inst_id_", "var_inst_id_", "var_scope_", "exception_stack_id_",
      "job_exception_stack_id_", "job_id_", "operation_id_", "call_proc_inst_id_", "business_key_",
      // the application's read model and notification log
      "process_instance_id");

  /** The tables copied and which of their rows belong to the templates. */
  static final Map<String, String> TABLES = new LinkedHashMap<>();

  static {
    TABLES.put("act_ge_bytearray", "id_ in (select id from tpl_bytes)");
    TABLES.put("act_ru_execution", "proc_inst_id_ in (select id from tpl)");
    TABLES.put("act_ru_task", "proc_inst_id_ in (select id from tpl)");
    TABLES.put("act_ru_identitylink", "task_id_ in (select id from tpl_task)");
    TABLES.put("act_ru_variable", "proc_inst_id_ in (select id from tpl)");
    TABLES.put("act_ru_job", "process_instance_id_ in (select id from tpl)");
    TABLES.put("act_ru_event_subscr", "proc_inst_id_ in (select id from tpl)");
    TABLES.put("act_ru_authorization", "resource_id_ in (select id from tpl union all select id from tpl_task)");
    TABLES.put("act_hi_procinst", "proc_inst_id_ in (select id from tpl)");
    TABLES.put("act_hi_actinst", "proc_inst_id_ in (select id from tpl)");
    TABLES.put("act_hi_taskinst", "proc_inst_id_ in (select id from tpl)");
    TABLES.put("act_hi_varinst", "proc_inst_id_ in (select id from tpl)");
    TABLES.put("act_hi_detail", "proc_inst_id_ in (select id from tpl)");
    TABLES.put("act_hi_identitylink", "task_id_ in (select id from tpl_task)");
    TABLES.put("act_hi_op_log", "proc_inst_id_ in (select id from tpl)");
    TABLES.put("act_hi_job_log", "process_instance_id_ in (select id from tpl)");
    TABLES.put("esc_case_summary", "process_instance_id in (select id from tpl)");
    TABLES.put("esc_case_breach", "process_instance_id in (select id from tpl)");
    TABLES.put("esc_notification_log", "process_instance_id in (select id from tpl)");
  }

  /** Rows added per table, and the time it took. */
  record Result(Map<String, Long> rows, double seconds) {}

  private CloneFill() {}

  /** Copies every instance of {@code processKey} in the database at {@code jdbcUrl} {@code copies} times. */
  static Result copy(String jdbcUrl, String processKey, int copies) throws SQLException {
    long t0 = System.nanoTime();
    Map<String, Long> rows = new LinkedHashMap<>();
    try (Connection c = DriverManager.getConnection(jdbcUrl, "postgres", "postgres"); Statement s = c.createStatement()) {
      // a fill, not a case: losing it in a crash would only mean filling again
      s.execute("set synchronous_commit = off");
      s.execute("set maintenance_work_mem = '512MB'");
      s.execute("create temp table tpl as select id_ as id from act_hi_procinst where proc_def_key_ = '"
          + processKey.replace("'", "''") + "'");
      s.execute("create temp table tpl_task as select id_ as id from act_hi_taskinst where proc_inst_id_ in (select id from tpl)");
      s.execute("create temp table tpl_bytes as"
          + " select bytearray_id_ as id from act_ru_variable where proc_inst_id_ in (select id from tpl) and bytearray_id_ is not null"
          + " union select bytearray_id_ from act_hi_varinst where proc_inst_id_ in (select id from tpl) and bytearray_id_ is not null"
          + " union select bytearray_id_ from act_hi_detail where proc_inst_id_ in (select id from tpl) and bytearray_id_ is not null"
          + " union select exception_stack_id_ from act_ru_job where process_instance_id_ in (select id from tpl) and exception_stack_id_ is not null"
          + " union select job_exception_stack_id_ from act_hi_job_log where process_instance_id_ in (select id from tpl)"
          + " and job_exception_stack_id_ is not null");
      // The copies are consistent by construction (and checked through the engine's API after), so
      // the row-by-row foreign-key triggers are skipped for this session, and the secondary indexes
      // are built once after the copy instead of being updated for every row: the same indexes,
      // several times faster.
      s.execute("set session_replication_role = replica");
      List<String> indexes = new ArrayList<>();
      for (Map.Entry<String, String> table : TABLES.entrySet()) {
        List<String[]> columns = columns(c, table.getKey());
        if (columns.isEmpty()) {
          continue; // e.g. vanilla Camunda has no esc_ tables
        }
        List<String[]> secondary = secondaryIndexes(c, table.getKey());
        for (String[] index : secondary) {
          s.execute("drop index " + index[0]);
          indexes.add(index[1]);
        }
        String sql = insert(table.getKey(), columns, table.getValue(), copies);
        long t = System.nanoTime();
        long n = s.executeUpdate(sql);
        rows.put(table.getKey(), n);
        System.out.printf(Locale.UK, "    %-22s +%,d rows (%.1f s)%n", table.getKey(), n, (System.nanoTime() - t) / 1e9);
      }
      long t = System.nanoTime();
      for (String index : indexes) {
        s.execute(index);
      }
      s.execute("set session_replication_role = origin");
      System.out.printf(Locale.UK, "    %d secondary indexes rebuilt (%.1f s)%n", indexes.size(), (System.nanoTime() - t) / 1e9);
      // the planner must know the tables are hundreds of times bigger than when the engine last
      // looked, and the visibility map must be as autovacuum would leave it (index-only scans):
      // the steady state of a database that grew to this size over months
      for (String table : TABLES.keySet()) {
        if (!columns(c, table).isEmpty()) {
          s.execute("vacuum analyze " + table);
        }
      }
    }
    return new Result(rows, (System.nanoTime() - t0) / 1e9);
  }

  /** The INSERT … SELECT for one table: every column copied, ids/keys/times/values of copy n mapped. */
  static String insert(String table, List<String[]> columns, String templateRows, int copies) {
    List<String> names = new ArrayList<>();
    List<String> values = new ArrayList<>();
    // same offset for every row of copy n: up to 180 days back, spread by a multiplicative hash
    String offset = "make_interval(mins => ((g.n * 7919) % 259200))";
    for (String[] col : columns) {
      String name = col[0];
      String type = col[1];
      names.add(name);
      String x = "x." + name;
      String value = x;
      if (table.equals("esc_notification_log") && (name.equals("id") || name.equals("notification_key"))) {
        value = "md5(" + x + " || '-' || g.n)"; // 32 characters: fits id's VARCHAR(36)
      } else if (table.equals("act_ru_authorization") && name.equals("resource_id_")) {
        value = id(x);
      } else if (table.equals("esc_case_breach") && name.equals("id")) {
        value = id(x);
      } else if (INSTANCE_IDS.contains(name)) {
        value = id(x);
      } else if (name.equals("case_reference")) {
        value = x + " || '-' || g.n";
      } else if (name.equals("text_") && (table.equals("act_ru_variable") || table.equals("act_hi_varinst")
          || table.equals("act_hi_detail"))) {
        value = "case when x.name_ = 'caseReference' then x.text_ || '-' || g.n else x.text_ end";
      } else if (table.equals("act_ru_job") && name.equals("duedate_")) {
        value = "case when x.duedate_ is null then null else timestamp '2100-01-01' end";
      } else if (table.equals("act_ru_job") && (name.equals("lock_owner_") || name.equals("lock_exp_time_"))) {
        value = "null";
      } else if (type.startsWith("timestamp")) {
        value = x + " - " + offset;
      }
      values.add(value);
    }
    return "insert into " + table + " (" + String.join(", ", names) + ") select " + String.join(", ", values)
        + " from " + table + " x cross join generate_series(1, " + copies + ") g(n) where x." + templateRows;
  }

  /** id → id-n, consistently in every table; an id too long for that (64) becomes md5(id)-n. */
  private static String id(String x) {
    return "case when " + x + " is null then null when length(" + x + ") <= 56 then " + x + " || '-' || g.n"
        + " else md5(" + x + ") || '-' || g.n end";
  }

  /** Indexes that back no constraint (primary key, unique constraint): name and CREATE statement. */
  private static List<String[]> secondaryIndexes(Connection c, String table) throws SQLException {
    List<String[]> indexes = new ArrayList<>();
    try (ResultSet rs = c.createStatement().executeQuery("select i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid)"
        + " from pg_index i where i.indrelid = '" + table + "'::regclass"
        + " and not exists (select 1 from pg_constraint k where k.conindid = i.indexrelid)")) {
      while (rs.next()) {
        indexes.add(new String[] {rs.getString(1), rs.getString(2)});
      }
    }
    return indexes;
  }

  private static List<String[]> columns(Connection c, String table) throws SQLException {
    List<String[]> columns = new ArrayList<>();
    try (ResultSet rs = c.createStatement().executeQuery("select column_name, data_type from information_schema.columns"
        + " where table_schema = current_schema() and table_name = '" + table + "' order by ordinal_position")) {
      while (rs.next()) {
        columns.add(new String[] {rs.getString(1), rs.getString(2)});
      }
    }
    return columns;
  }
}
