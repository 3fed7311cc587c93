package uk.safeguarding.escalation.notification;

import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/notifications?processInstanceId=…}: the notification log of one case, for
 * auditors proving who was told what and when. HTTP Basic like /engine-rest; visible to whoever
 * may read the case's history (READ_HISTORY on its protocol), otherwise 404.
 */
@RestController
class NotificationLogController {

  private final NotificationLog log;
  private final HistoryService historyService;

  NotificationLogController(NotificationLog log, HistoryService historyService) {
    this.log = log;
    this.historyService = historyService;
  }

  @GetMapping("/api/notifications")
  ResponseEntity<List<NotificationLog.Entry>> forCase(@RequestParam String processInstanceId) {
    // runs with the caller's engine authentication (set by the Basic auth filter): authorizations apply
    boolean visible = historyService.createHistoricProcessInstanceQuery().processInstanceId(processInstanceId).count() > 0;
    return visible ? ResponseEntity.ok(log.forProcessInstance(processInstanceId)) : ResponseEntity.notFound().build();
  }
}
