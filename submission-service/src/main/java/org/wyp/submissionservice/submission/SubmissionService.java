package org.wyp.submissionservice.submission;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.wyp.kit.domain.ConflictException;
import org.wyp.kit.domain.ForbiddenException;
import org.wyp.kit.domain.NotFoundException;
import org.wyp.kit.domain.RuleViolationException;
import org.wyp.kit.security.Caller;
import org.wyp.kit.security.Role;
import org.wyp.kit.web.ETags;
import org.wyp.kit.web.PageResponse;
import org.wyp.submissionservice.programme.KnownProblem;
import org.wyp.submissionservice.programme.KnownRound;
import org.wyp.submissionservice.programme.ProgrammeCatalogue;
import org.wyp.submissionservice.sme.Sme;
import org.wyp.submissionservice.sme.SmeId;
import org.wyp.submissionservice.sme.SmeService;

/**
 * Manages submissions: checks a pitch against this service's own knowledge of problems, rounds and
 * SMEs, and stores it with its event in one write.
 */
@Service
public class SubmissionService {

  private final Submissions submissions;
  private final ProgrammeCatalogue catalogue;
  private final SmeService smes;
  private final SubmissionMetrics metrics;
  private final Clock clock;

  SubmissionService(
      Submissions submissions,
      ProgrammeCatalogue catalogue,
      SmeService smes,
      SubmissionMetrics metrics,
      Clock clock) {
    this.submissions = submissions;
    this.metrics = metrics;
    this.catalogue = catalogue;
    this.smes = smes;
    this.clock = clock;
  }

  /**
   * Submits a pitch for the calling SME. With an idempotency key, a retry of the same request
   * returns the submission the first attempt made; the same key with a different request is
   * refused.
   */
  Submission submit(
      Caller caller, UUID problemId, SmeId smeId, Pitch pitch, Optional<String> idempotencyKey) {
    requireActingAs(caller, smeId);
    Instant now = clock.instant();
    Sme sme = knownSme(smeId);
    String fingerprint = fingerprint(problemId, smeId, pitch);
    Optional<SubmissionId> keyedId =
        idempotencyKey.map(key -> SubmissionId.forIdempotencyKey(smeId, key));
    Optional<Submission> replay = keyedId.flatMap(submissions::find);
    if (replay.isPresent()) {
      return sameRequestOrRefuse(replay.get(), fingerprint);
    }
    KnownProblem problem = openProblem(problemId);
    KnownRound round = openRound(problem);
    requireEligible(sme, round);
    Submission submission =
        Submission.submit(
            keyedId.orElseGet(SubmissionId::next),
            problem.roundId(),
            problemId,
            sme,
            pitch,
            fingerprint,
            now);
    try {
      Submission received = submissions.save(submission);
      metrics.received(received);
      return received;
    } catch (DuplicateKeyException e) {
      if (keyedId.isPresent()) {
        Optional<Submission> concurrent = submissions.find(keyedId.get());
        if (concurrent.isPresent()) {
          return sameRequestOrRefuse(concurrent.get(), fingerprint);
        }
      }
      throw new ConflictException(
          "already-submitted",
          "SME %s already has a live submission to problem %s; amend or withdraw it instead"
              .formatted(smeId, problemId));
    }
  }

  /**
   * Amends the calling SME's own pitch. The problem and SME a client names must be the submission's
   * own: they never change.
   */
  Submission amend(
      Caller caller,
      SubmissionId id,
      OptionalLong expectedVersion,
      UUID problemId,
      SmeId smeId,
      Pitch pitch) {
    requireActingAs(caller, smeId);
    Submission submission = toChange(caller, id);
    ETags.requireMatch(expectedVersion, submission.version());
    if (!submission.problemId().equals(problemId) || !submission.smeId().equals(smeId.value())) {
      throw new RuleViolationException(
          "submission-identity-fixed",
          "A submission keeps its problem and SME; problemId must be %s and smeId %s"
              .formatted(submission.problemId(), submission.smeId()));
    }
    KnownProblem problem = openProblem(submission.problemId());
    openRound(problem);
    submission.amend(pitch, clock.instant());
    return submissions.save(submission);
  }

  /** Withdraws the calling SME's own pitch. */
  Submission withdraw(Caller caller, SubmissionId id) {
    Submission submission = toChange(caller, id);
    submission.withdraw(clock.instant());
    return submissions.save(submission);
  }

  /**
   * A pitch as the caller may see it: its SME's or, for an organiser, anyone's. Another SME's pitch
   * is as unknown as one that does not exist.
   */
  Submission get(Caller caller, SubmissionId id) {
    return submissions
        .find(id)
        .filter(submission -> submission.visibleTo(caller))
        .orElseThrow(() -> new NotFoundException("submission", id));
  }

  /**
   * Organisers search all pitches; an SME only its own, whatever SME it names (another's gives an
   * empty page, as it would if that SME had none).
   */
  PageResponse<Submission> search(Caller caller, SubmissionFilter filter, int page, int size) {
    if (caller.has(Role.ORGANISER)) {
      return submissions.search(filter, page, size);
    }
    UUID own = caller.requireSme();
    if (filter.smeId().filter(smeId -> !smeId.equals(own)).isPresent()) {
      return new PageResponse<>(List.of(), page, size, 0);
    }
    return submissions.search(filter.ofSme(own), page, size);
  }

  ProblemSubmissionCount countFor(UUID problemId) {
    return new ProblemSubmissionCount(problemId, submissions.liveCount(problemId));
  }

  List<ProblemSubmissionCount> countsFor(UUID roundId) {
    return submissions.liveCountsByProblem(roundId);
  }

  /** An SME id a request names is trusted only when the caller's token binds it. */
  private static void requireActingAs(Caller caller, SmeId smeId) {
    if (!caller.requireSme().equals(smeId.value())) {
      throw new ForbiddenException(
          "sme-mismatch", "smeId " + smeId + " is not the SME the caller's token is bound to");
    }
  }

  /**
   * A pitch only its SME may change: hidden (404) from whoever may not see it, refused (403) to an
   * organiser, who may see it but does not act for SMEs.
   */
  private Submission toChange(Caller caller, SubmissionId id) {
    Submission submission = get(caller, id);
    if (!submission.ownedBy(caller)) {
      throw new ForbiddenException(
          "not-the-submitter", "Only the SME that made submission " + id + " may change it");
    }
    return submission;
  }

  private Sme knownSme(SmeId smeId) {
    try {
      return smes.get(smeId);
    } catch (NotFoundException e) {
      throw new RuleViolationException(
          "unknown-sme", "smeId " + smeId + " names no registered SME");
    }
  }

  /** A problem never published (a draft) is as unknown here as one that does not exist. */
  private KnownProblem openProblem(UUID problemId) {
    KnownProblem problem =
        catalogue
            .problem(problemId)
            .orElseThrow(
                () ->
                    new RuleViolationException(
                        "unknown-problem",
                        "problemId " + problemId + " names no published problem"));
    if (!problem.takesPitches()) {
      throw new ConflictException(
          "problem-not-open",
          "Problem %s is %s and takes no new pitches or amendments"
              .formatted(problemId, problem.availability()));
    }
    return problem;
  }

  private KnownRound openRound(KnownProblem problem) {
    KnownRound round =
        catalogue
            .round(problem.roundId())
            .filter(KnownRound::isOpen)
            .orElseThrow(
                () ->
                    new ConflictException(
                        "round-not-open",
                        "Round %s of problem %s is not open for submissions"
                            .formatted(problem.roundId(), problem.id())));
    return round;
  }

  private static void requireEligible(Sme sme, KnownRound round) {
    if (!sme.eligible()) {
      throw new RuleViolationException(
          "sme-ineligible",
          "SME %s is not eligible: %s"
              .formatted(sme.smeId(), String.join("; ", sme.ineligibleReasons())));
    }
    if (!round.admits(sme.postcodeArea())) {
      throw new RuleViolationException(
          "postcode-area-ineligible",
          "SME %s is in postcode area %s; round %s admits SMEs in %s"
              .formatted(
                  sme.smeId(), sme.postcodeArea(), round.id(), round.eligiblePostcodeAreas()));
    }
  }

  private static Submission sameRequestOrRefuse(Submission existing, String fingerprint) {
    if (!fingerprint.equals(existing.requestFingerprint())) {
      throw new RuleViolationException(
          "idempotency-key-reused",
          "This Idempotency-Key was used for a different request; use a new key for a new pitch");
    }
    return existing;
  }

  private static String fingerprint(UUID problemId, SmeId smeId, Pitch pitch) {
    String canonical = problemId + "|" + smeId + "|" + pitch;
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
