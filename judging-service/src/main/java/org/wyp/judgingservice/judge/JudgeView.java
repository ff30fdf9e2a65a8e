package org.wyp.judgingservice.judge;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A judge as the API shows it. */
record JudgeView(
    UUID id,
    String name,
    String organisation,
    List<String> expertise,
    List<String> affiliations,
    List<SmeConflict> smeConflicts,
    long version,
    Instant registeredAt) {

  static JudgeView of(Judge judge) {
    return new JudgeView(
        judge.judgeId().value(),
        judge.name(),
        judge.organisation(),
        judge.expertise(),
        judge.affiliations(),
        judge.smeConflicts(),
        judge.version(),
        judge.registeredAt());
  }
}
