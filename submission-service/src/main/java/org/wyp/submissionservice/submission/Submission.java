package org.wyp.submissionservice.submission;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;
import org.wyp.events.submission.SubmissionAmended;
import org.wyp.events.submission.SubmissionReceived;
import org.wyp.events.submission.SubmissionWithdrawn;
import org.wyp.kit.aggregate.AggregateRoot;
import org.wyp.kit.domain.ConflictException;
import org.wyp.kit.security.Caller;
import org.wyp.kit.security.Role;
import org.wyp.submissionservice.sme.Sme;

/**
 * An SME's pitch to a published problem. The SME submits, amends and withdraws it; judging and
 * award outcomes move its status forward. While it is live it holds a {@code liveKey} (SME and
 * problem), unique across submissions, so an SME has one live pitch per problem.
 */
@Document(Submissions.COLLECTION)
public class Submission extends AggregateRoot {

  @Id private String id;
  private String roundId;
  private String problemId;
  private String smeId;
  private String smeName;
  private String smeCompanyNumber;
  private Pitch pitch;
  private SubmissionStatus status;
  private String liveKey;
  private String requestFingerprint;
  private Long awardedPence;
  private String awardId;
  private Instant submittedAt;
  private Instant updatedAt;

  protected Submission() {}

  static Submission submit(
      SubmissionId id,
      UUID roundId,
      UUID problemId,
      Sme sme,
      Pitch pitch,
      String requestFingerprint,
      Instant now) {
    Submission submission = new Submission();
    submission.id = id.toString();
    submission.roundId = roundId.toString();
    submission.problemId = problemId.toString();
    submission.smeId = sme.smeId().toString();
    submission.smeName = sme.companyName();
    submission.smeCompanyNumber = sme.companyNumber();
    submission.pitch = pitch;
    submission.status = SubmissionStatus.SUBMITTED;
    submission.liveKey = liveKey(submission.smeId, submission.problemId);
    submission.requestFingerprint = requestFingerprint;
    submission.submittedAt = now;
    submission.updatedAt = now;
    submission.recordChange(
        version ->
            new SubmissionReceived(
                id.value(),
                version,
                roundId,
                problemId,
                sme.smeId().value(),
                sme.companyName(),
                sme.companyNumber(),
                pitch.title(),
                pitch.summary(),
                pitch.requestedPence(),
                now));
    return submission;
  }

  /** Only a pitch not yet screened can change; the caller checks the round is still open. */
  void amend(Pitch newPitch, Instant now) {
    requireStatus(Set.of(SubmissionStatus.SUBMITTED), "be amended");
    pitch = newPitch;
    updatedAt = now;
    recordChange(
        version ->
            new SubmissionAmended(
                uuid(id),
                version,
                uuid(roundId),
                uuid(problemId),
                uuid(smeId),
                smeName,
                newPitch.title(),
                newPitch.summary(),
                newPitch.requestedPence(),
                now));
  }

  /** Possible until an award decision; closing the problem or round does not prevent it. */
  void withdraw(Instant now) {
    requireStatus(
        Set.of(
            SubmissionStatus.SUBMITTED,
            SubmissionStatus.SHORTLISTED,
            SubmissionStatus.NOT_SHORTLISTED,
            SubmissionStatus.FINALIST),
        "be withdrawn");
    status = SubmissionStatus.WITHDRAWN;
    liveKey = null;
    updatedAt = now;
    recordChange(
        version ->
            new SubmissionWithdrawn(
                uuid(id), version, uuid(roundId), uuid(problemId), uuid(smeId), now));
  }

  /**
   * Moves the pitch forward to {@code outcome} if it is not there or beyond already.
   *
   * @return whether anything changed
   */
  boolean reach(SubmissionStatus outcome, Instant now) {
    boolean forward = status.canReach(outcome);
    if (forward) {
      status = outcome;
      updatedAt = now;
      nextVersion();
    }
    return forward;
  }

  /** Records the award; a repeat of it changes nothing, as the pitch is AWARDED already. */
  boolean award(UUID grantedAwardId, long amountPence, Instant now) {
    if (!status.canReach(SubmissionStatus.AWARDED)) {
      return false;
    }
    status = SubmissionStatus.AWARDED;
    awardId = grantedAwardId.toString();
    awardedPence = amountPence;
    updatedAt = now;
    nextVersion();
    return true;
  }

  static String liveKey(String smeId, String problemId) {
    return smeId + ":" + problemId;
  }

  private void requireStatus(Set<SubmissionStatus> allowed, String action) {
    if (!allowed.contains(status)) {
      throw new ConflictException(
          "illegal-transition", "Submission %s is %s and cannot %s".formatted(id, status, action));
    }
  }

  private static UUID uuid(String value) {
    return UUID.fromString(value);
  }

  /** Whether {@code caller} is the SME that made this pitch: the only one who may change it. */
  public boolean ownedBy(Caller caller) {
    return caller.isSme(smeId());
  }

  /**
   * Whether {@code caller} may see this pitch, private fields included: its SME or an organiser.
   */
  public boolean visibleTo(Caller caller) {
    return ownedBy(caller) || caller.has(Role.ORGANISER);
  }

  public SubmissionId submissionId() {
    return new SubmissionId(uuid(id));
  }

  public UUID roundId() {
    return uuid(roundId);
  }

  public UUID problemId() {
    return uuid(problemId);
  }

  public UUID smeId() {
    return uuid(smeId);
  }

  public String smeName() {
    return smeName;
  }

  public Pitch pitch() {
    return pitch;
  }

  public SubmissionStatus status() {
    return status;
  }

  public Long awardedPence() {
    return awardedPence;
  }

  String requestFingerprint() {
    return requestFingerprint;
  }

  public Instant submittedAt() {
    return submittedAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }
}
