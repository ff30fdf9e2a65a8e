package org.wyp.judgingservice.panel;

import jakarta.validation.Valid;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.wyp.events.judging.Stage;
import org.wyp.kit.web.ETags;

/** HTTP adapter for panels and assignments. */
@RestController
@RequestMapping("/api/rounds/{roundId}/stages/{stage}")
class PanelController {

  private final PanelService panels;

  PanelController(PanelService panels) {
    this.panels = panels;
  }

  /** Forms the panel (201) or replaces its judges (200). */
  @PutMapping("/panel")
  ResponseEntity<PanelView> form(
      @PathVariable UUID roundId,
      @PathVariable Stage stage,
      @Valid @RequestBody PanelRequest request) {
    PanelService.Formed formed = panels.form(roundId, stage, request.judgeIds());
    ResponseEntity.BodyBuilder response =
        formed.created()
            ? ResponseEntity.created(
                URI.create("/api/rounds/" + roundId + "/stages/" + stage + "/panel"))
            : ResponseEntity.status(HttpStatus.OK);
    return response.eTag(ETags.of(formed.panel().version())).body(PanelView.of(formed.panel()));
  }

  @GetMapping("/panel")
  ResponseEntity<PanelView> get(@PathVariable UUID roundId, @PathVariable Stage stage) {
    Panel panel = panels.get(roundId, stage);
    return ResponseEntity.ok().eTag(ETags.of(panel.version())).body(PanelView.of(panel));
  }

  /** Assigns the stage's pitches to the panel; running it again tops up after changes. */
  @PostMapping("/assignments")
  ResponseEntity<PanelView> assign(@PathVariable UUID roundId, @PathVariable Stage stage) {
    Panel panel = panels.assign(roundId, stage);
    return ResponseEntity.ok().eTag(ETags.of(panel.version())).body(PanelView.of(panel));
  }
}
