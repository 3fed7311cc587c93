package uk.safeguarding.escalation.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;

/** Errors written by our filters, in the shape Camunda's REST API uses: {"type":…,"message":…}. */
public final class JsonErrors {

  private static final ObjectMapper JSON = new ObjectMapper();

  private JsonErrors() {}

  public static void write(HttpServletResponse response, int status, String type, String message) throws IOException {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", type);
    body.put("message", message);
    write(response, status, body);
  }

  /** Any JSON body, e.g. with a list of violations after type and message. */
  public static void write(HttpServletResponse response, int status, Map<String, Object> body) throws IOException {
    response.setStatus(status);
    response.setContentType("application/json");
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response.getWriter().write(JSON.writeValueAsString(body));
  }
}
