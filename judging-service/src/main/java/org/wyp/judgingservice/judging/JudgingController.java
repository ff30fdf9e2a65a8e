package org.wyp.judgingservice.judging;

import jakarta.validation.Valid;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.wyp.events.judging.Stage;
import org.wyp.kit.domain.RuleViolationException;
import org.wyp.kit.security.Caller;

/** HTTP adapter for rubrics, scores, the shortlist, rankings and the conclusion. */
@RestController
class JudgingController {

  private final JudgingService judging;

  JudgingController(JudgingService judging) {
    this.judging = judging;
  }

  /** Sets the stage's rubric: 201 the first time, 200 after; refused once it has scores. */
  @PutMapping("/api/rounds/{roundId}/stages/{stage}/rubric")
  ResponseEntity<Views.RubricView> setRubric(
      @PathVariable UUID roundId,
      @PathVariable Stage stage,
      @Valid @RequestBody RubricRequest request) {
    JudgingService.RubricSaved saved = judging.setRubric(roundId, request.toSpec(stage));
    Views.RubricView view = Views.RubricView.of(roundId, saved.rubric());
    return saved.created()
        ? ResponseEntity.created(rubricUri(roundId, stage)).body(view)
        : ResponseEntity.ok(view);
  }

  @GetMapping("/api/rounds/{roundId}/stages/{stage}/rubric")
  Views.RubricView rubric(@PathVariable UUID roundId, @PathVariable Stage stage) {
    return Views.RubricView.of(roundId, judging.rubric(roundId, stage));
  }

  /** A judge's scores for a pitch: 201 the first time, 200 for a revision. */
  @PutMapping("/api/pitches/{pitchId}/stages/{stage}/scores/{judgeId}")
  ResponseEntity<Views.ScoreView> score(
      @PathVariable UUID pitchId,
      @PathVariable Stage stage,
      @PathVariable UUID judgeId,
      @Valid @RequestBody ScoreRequest request,
      Caller caller) {
    JudgingService.ScoreSaved saved =
        judging.score(caller, pitchId, stage, judgeId, request.scores(), request.comment());
    Views.ScoreView view = Views.ScoreView.of(saved);
    return saved.first()
        ? ResponseEntity.created(
                URI.create("/api/pitches/" + pitchId + "/stages/" + stage + "/scores/" + judgeId))
            .body(view)
        : ResponseEntity.ok(view);
  }

  @GetMapping("/api/rounds/{roundId}/stages/{stage}/ranking")
  RankingView ranking(@PathVariable UUID roundId, @PathVariable Stage stage) {
    return RankingView.of(judging.ranking(roundId, stage));
  }

  /** Ends screening with a shortlist; only SCREENING has one. */
  @PostMapping("/api/rounds/{roundId}/stages/{stage}/shortlist")
  ResponseEntity<Views.ShortlistView> shortlist(
      @PathVariable UUID roundId,
      @PathVariable Stage stage,
      @Valid @RequestBody(required = false) ShortlistRequest request) {
    if (stage != Stage.SCREENING) {
      throw new RuleViolationException(
          "shortlist-screening-only", "Only the SCREENING stage ends with a shortlist");
    }
    ShortlistRequest body = request == null ? new ShortlistRequest(null, null) : request;
    return ResponseEntity.ok(
        Views.ShortlistView.of(judging.shortlist(roundId, body.size(), body.pitchIds())));
  }

  /**
   * Concludes the finals: 201 with the conclusion the first time; any later call changes nothing
   * and answers 200 with the same conclusion, so a retried request is safe.
   */
  @PostMapping("/api/rounds/{roundId}/conclude")
  ResponseEntity<Views.ConclusionView> conclude(@PathVariable UUID roundId) {
    JudgingService.Conclusion conclusion = judging.conclude(roundId);
    Views.ConclusionView view = Views.ConclusionView.of(conclusion);
    return conclusion.created()
        ? ResponseEntity.created(URI.create("/api/rounds/" + roundId + "/conclusion")).body(view)
        : ResponseEntity.ok(view);
  }

  /** Public results once concluded; organisers see the judges' figures too. */
  @GetMapping("/api/rounds/{roundId}/conclusion")
  Views.Outcome conclusion(@PathVariable UUID roundId, Caller caller) {
    return judging.conclusion(caller, roundId);
  }

  private static URI rubricUri(UUID roundId, Stage stage) {
    return URI.create("/api/rounds/" + roundId + "/stages/" + stage + "/rubric");
  }
}
