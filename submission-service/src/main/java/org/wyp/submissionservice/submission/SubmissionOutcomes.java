package org.wyp.submissionservice.submission;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.wyp.events.DomainEvent;
import org.wyp.events.award.AwardGranted;
import org.wyp.events.judging.JudgingConcluded;
import org.wyp.events.judging.PitchNotShortlisted;
import org.wyp.events.judging.PitchScoreRevised;
import org.wyp.events.judging.PitchScored;
import org.wyp.events.judging.PitchShortlisted;
import org.wyp.events.judging.Stage;

/**
 * Moves submissions along as judging and awards decide. Every outcome only moves a pitch forward,
 * so one delivered twice, or after a later one, changes nothing. A concurrent change by the SME
 * makes the save fail; the listener's retry then applies the outcome to the fresh state.
 */
@Service
class SubmissionOutcomes {

  private static final Logger log = LoggerFactory.getLogger(SubmissionOutcomes.class);

  private final Submissions submissions;
  private final Clock clock;

  SubmissionOutcomes(Submissions submissions, Clock clock) {
    this.submissions = submissions;
    this.clock = clock;
  }

  void apply(DomainEvent event) {
    switch (event) {
      case PitchShortlisted shortlisted ->
          reach(shortlisted.pitchId(), SubmissionStatus.SHORTLISTED);
      case PitchNotShortlisted notShortlisted ->
          reach(notShortlisted.pitchId(), SubmissionStatus.NOT_SHORTLISTED);
      // Being scored in the finals makes a pitch a finalist, as does a place in their ranking.
      case PitchScored scored -> reachIfFinals(scored.stage(), scored.roundId(), scored.pitchId());
      case PitchScoreRevised revised ->
          reachIfFinals(revised.stage(), revised.roundId(), revised.pitchId());
      case JudgingConcluded concluded ->
          concluded
              .ranking()
              .forEach(
                  entry -> reachIfFinals(concluded.stage(), concluded.roundId(), entry.pitchId()));
      case AwardGranted granted -> award(granted);
      default -> {}
    }
  }

  /**
   * The winner is AWARDED; the round's other finalists are NOT_AWARDED until an award of their own
   * arrives (awards for a round are granted together, one event per winner).
   */
  private void award(AwardGranted granted) {
    submissions
        .find(new SubmissionId(granted.submissionId()))
        .ifPresentOrElse(
            submission -> {
              if (submission.award(granted.awardId(), granted.amountPence(), clock.instant())) {
                submissions.save(submission);
              }
            },
            () ->
                log.warn(
                    "award {} names unknown submission {}",
                    granted.awardId(),
                    granted.submissionId()));
    for (Submission finalist : submissions.inRound(granted.roundId(), SubmissionStatus.FINALIST)) {
      if (finalist.reach(SubmissionStatus.NOT_AWARDED, clock.instant())) {
        submissions.save(finalist);
      }
    }
  }

  /**
   * A pitch that becomes a finalist in a round whose awards were already granted did not win one:
   * Kafka keeps no order between the judging and awards topics, so that can be learned late.
   */
  private void reachIfFinals(Stage stage, UUID roundId, UUID pitchId) {
    if (stage == Stage.FINALS
        && reach(pitchId, SubmissionStatus.FINALIST)
        && submissions.anyInRound(roundId, SubmissionStatus.AWARDED)) {
      reach(pitchId, SubmissionStatus.NOT_AWARDED);
    }
  }

  /** Returns whether the submission moved. */
  private boolean reach(UUID submissionId, SubmissionStatus outcome) {
    Optional<Submission> found = submissions.find(new SubmissionId(submissionId));
    if (found.isEmpty()) {
      log.warn("{} for unknown submission {} ignored", outcome, submissionId);
      return false;
    }
    Submission submission = found.get();
    if (!submission.reach(outcome, clock.instant())) {
      return false;
    }
    submissions.save(submission);
    return true;
  }
}
