package org.wyp.problemservice.problem;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.EnumSet;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.wyp.kit.security.Caller;
import org.wyp.kit.web.ETags;
import org.wyp.kit.web.PageResponse;
import org.wyp.problemservice.round.RoundId;

/**
 * HTTP adapter for problem statements. Reads show each caller what it may see: published and closed
 * problems to everybody, drafts and withdrawn problems to organisers and to their own
 * organisation's problem owners.
 */
@RestController
@RequestMapping("/api/problems")
class ProblemController {

  private final ProblemService problems;

  ProblemController(ProblemService problems) {
    this.problems = problems;
  }

  @PostMapping
  ResponseEntity<ProblemView> draft(Caller caller, @Valid @RequestBody ProblemRequest request) {
    Problem problem = problems.draft(caller, new RoundId(request.roundId()), request.content());
    return ResponseEntity.created(URI.create("/api/problems/" + problem.problemId()))
        .eTag(ETags.of(problem.version()))
        .body(ProblemView.of(problem));
  }

  /**
   * Needs {@code If-Match}; the round of a problem never changes, so {@code roundId} must match.
   */
  @PutMapping("/{id}")
  ResponseEntity<ProblemView> edit(
      Caller caller,
      @PathVariable UUID id,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
      @Valid @RequestBody ProblemRequest request) {
    OptionalLong expectedVersion = ETags.requireIfMatch(ifMatch);
    return view(
        problems.edit(
            caller,
            new ProblemId(id),
            expectedVersion,
            new RoundId(request.roundId()),
            request.content()));
  }

  @PostMapping("/{id}/publish")
  ResponseEntity<ProblemView> publish(@PathVariable UUID id) {
    return view(problems.publish(new ProblemId(id)));
  }

  @PostMapping("/{id}/close")
  ResponseEntity<ProblemView> close(@PathVariable UUID id) {
    return view(problems.close(new ProblemId(id)));
  }

  @PostMapping("/{id}/withdraw")
  ResponseEntity<ProblemView> withdraw(@PathVariable UUID id) {
    return view(problems.withdraw(new ProblemId(id)));
  }

  @PostMapping("/{id}/endorsements")
  ResponseEntity<ProblemView> endorse(
      Caller caller, @PathVariable UUID id, @Valid @RequestBody EndorsementRequest request) {
    Problem problem =
        problems.endorse(caller, new ProblemId(id), request.organisation(), request.note());
    return ResponseEntity.status(HttpStatus.CREATED)
        .location(URI.create("/api/problems/" + id + "/endorsements"))
        .eTag(ETags.of(problem.version()))
        .body(ProblemView.of(problem));
  }

  @GetMapping("/{id}")
  ResponseEntity<ProblemView> get(Caller caller, @PathVariable UUID id) {
    Problem problem = problems.getVisible(new ProblemId(id), caller);
    return ResponseEntity.ok()
        .eTag(ETags.of(problem.version()))
        .body(ProblemView.of(problem, problems.fundedSolutions(problem.problemId())));
  }

  @GetMapping
  PageResponse<ProblemView> search(
      Caller caller,
      @RequestParam Optional<UUID> roundId,
      @RequestParam Optional<@Size(max = 40) String> theme,
      @RequestParam Optional<ProblemStatus> status,
      @RequestParam Optional<@Size(max = 80) String> borough,
      @RequestParam Optional<@Size(max = 150) String> q,
      @RequestParam(defaultValue = "0") @Min(0) int page,
      @RequestParam(defaultValue = "" + PageResponse.DEFAULT_SIZE)
          @Min(1)
          @Max(PageResponse.MAX_SIZE)
          int size) {
    Set<ProblemStatus> statuses =
        status
            .map(s -> (Set<ProblemStatus>) EnumSet.of(s))
            .orElse(EnumSet.allOf(ProblemStatus.class));
    ProblemFilter filter =
        new ProblemFilter(roundId, theme, statuses, borough, q.filter(text -> !text.isBlank()));
    return problems.search(filter, caller, page, size).map(ProblemView::of);
  }

  private static ResponseEntity<ProblemView> view(Problem problem) {
    return ResponseEntity.ok().eTag(ETags.of(problem.version())).body(ProblemView.of(problem));
  }
}
