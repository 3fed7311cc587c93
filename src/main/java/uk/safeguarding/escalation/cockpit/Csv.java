package uk.safeguarding.escalation.cockpit;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/** RFC 4180 rows; a cell a spreadsheet would run as a formula (=, +, -, @) is prefixed with ' so it stays text. */
final class Csv {

  private Csv() {}

  static void row(Writer out, List<?> cells) throws IOException {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        line.append(',');
      }
      line.append(cell(cells.get(i)));
    }
    out.write(line.append("\r\n").toString());
  }

  static String cell(Object value) {
    if (value == null) {
      return "";
    }
    String s = value.toString();
    if (!s.isEmpty() && !(value instanceof Number) && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
      s = "'" + s;
    }
    if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
      s = '"' + s.replace("\"", "\"\"") + '"';
    }
    return s;
  }
}
