package org.wyp.submissionservice.submission;

import java.util.List;

/** What an SME proposes; the part of a submission it may amend while the round is open. */
public record Pitch(
    String title,
    String summary,
    String approach,
    String dataUse,
    String impact,
    long requestedPence,
    List<TeamMember> team,
    List<String> links) {

  /** Someone who would do the work. */
  public record TeamMember(String name, String role) {}
}
