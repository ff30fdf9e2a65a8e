package org.wyp.judgingservice.judge;

import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.wyp.kit.security.Caller;
import org.wyp.kit.web.ETags;

/** HTTP adapter for judges and their conflicts. */
@RestController
class JudgeController {

  private final JudgeService judges;

  JudgeController(JudgeService judges) {
    this.judges = judges;
  }

  @PostMapping("/api/judges")
  ResponseEntity<JudgeView> register(@Valid @RequestBody JudgeRequest request) {
    Judge judge =
        judges.register(
            request.name().strip(),
            request.organisation().strip(),
            request.expertiseOrEmpty(),
            request.affiliationsOrEmpty());
    return ResponseEntity.created(URI.create("/api/judges/" + judge.judgeId()))
        .eTag(ETags.of(judge.version()))
        .body(JudgeView.of(judge));
  }

  @GetMapping("/api/judges/{judgeId}")
  ResponseEntity<JudgeView> get(@PathVariable UUID judgeId, Caller caller) {
    Judge judge = judges.get(caller, new JudgeId(judgeId));
    return ResponseEntity.ok().eTag(ETags.of(judge.version())).body(JudgeView.of(judge));
  }

  record ConflictView(
      UUID judgeId,
      UUID pitchId,
      UUID smeId,
      String reason,
      List<JudgeService.Recorded> recorded) {}

  /** Declares a conflict (201); declaring it again records nothing new. */
  @PostMapping("/api/judges/{judgeId}/conflicts")
  ResponseEntity<ConflictView> declareConflict(
      @PathVariable UUID judgeId, @Valid @RequestBody ConflictRequest request, Caller caller) {
    String reason = request.reason().strip();
    List<JudgeService.Recorded> recorded =
        judges.declareConflict(
            caller, new JudgeId(judgeId), request.pitchId(), request.smeId(), reason);
    return ResponseEntity.status(HttpStatus.CREATED)
        .body(new ConflictView(judgeId, request.pitchId(), request.smeId(), reason, recorded));
  }
}
