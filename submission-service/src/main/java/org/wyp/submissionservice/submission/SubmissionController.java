package org.wyp.submissionservice.submission;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.wyp.kit.security.Caller;
import org.wyp.kit.web.ETags;
import org.wyp.kit.web.PageResponse;
import org.wyp.submissionservice.sme.SmeId;

/** HTTP adapter for submissions and the public submission counts. */
@RestController
class SubmissionController {

  private final SubmissionService submissions;

  SubmissionController(SubmissionService submissions) {
    this.submissions = submissions;
  }

  /** A retry with the same {@code Idempotency-Key} and body gets the same submission back. */
  @PostMapping("/api/submissions")
  ResponseEntity<SubmissionView> submit(
      Caller caller,
      @RequestHeader(name = "Idempotency-Key", required = false)
          @Pattern(
              regexp = "[A-Za-z0-9._:-]{1,100}",
              message = "must be 1 to 100 letters, digits or . _ : -")
          String idempotencyKey,
      @Valid @RequestBody SubmissionRequest request) {
    Submission submission =
        submissions.submit(
            caller,
            request.problemId(),
            new SmeId(request.smeId()),
            request.toPitch(),
            Optional.ofNullable(idempotencyKey));
    return ResponseEntity.created(URI.create("/api/submissions/" + submission.submissionId()))
        .eTag(ETags.of(submission.version()))
        .body(SubmissionView.of(submission));
  }

  /** Needs {@code If-Match}; only while the pitch is SUBMITTED and its problem and round open. */
  @PutMapping("/api/submissions/{id}")
  ResponseEntity<SubmissionView> amend(
      Caller caller,
      @PathVariable UUID id,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
      @Valid @RequestBody SubmissionRequest request) {
    OptionalLong expectedVersion = ETags.requireIfMatch(ifMatch);
    return view(
        submissions.amend(
            caller,
            new SubmissionId(id),
            expectedVersion,
            request.problemId(),
            new SmeId(request.smeId()),
            request.toPitch()));
  }

  @PostMapping("/api/submissions/{id}/withdraw")
  ResponseEntity<SubmissionView> withdraw(Caller caller, @PathVariable UUID id) {
    return view(submissions.withdraw(caller, new SubmissionId(id)));
  }

  @GetMapping("/api/submissions/{id}")
  ResponseEntity<SubmissionView> get(Caller caller, @PathVariable UUID id) {
    return view(submissions.get(caller, new SubmissionId(id)));
  }

  @GetMapping("/api/submissions")
  PageResponse<SubmissionView> search(
      Caller caller,
      @RequestParam Optional<UUID> smeId,
      @RequestParam Optional<UUID> problemId,
      @RequestParam Optional<UUID> roundId,
      @RequestParam Optional<SubmissionStatus> status,
      @RequestParam(defaultValue = "0") @Min(0) int page,
      @RequestParam(defaultValue = "" + PageResponse.DEFAULT_SIZE)
          @Min(1)
          @Max(PageResponse.MAX_SIZE)
          int size) {
    return submissions
        .search(caller, new SubmissionFilter(smeId, problemId, roundId, status), page, size)
        .map(SubmissionView::of);
  }

  /** Public: how many live pitches a problem has. */
  @GetMapping("/api/problems/{problemId}/submission-count")
  ProblemSubmissionCount countForProblem(@PathVariable UUID problemId) {
    return submissions.countFor(problemId);
  }

  /** Public: live pitches per problem of a round, for the problem board. */
  @GetMapping("/api/rounds/{roundId}/submission-counts")
  Map<String, List<ProblemSubmissionCount>> countsForRound(@PathVariable UUID roundId) {
    return Map.of("content", submissions.countsFor(roundId));
  }

  private static ResponseEntity<SubmissionView> view(Submission submission) {
    return ResponseEntity.status(HttpStatus.OK)
        .eTag(ETags.of(submission.version()))
        .body(SubmissionView.of(submission));
  }
}
