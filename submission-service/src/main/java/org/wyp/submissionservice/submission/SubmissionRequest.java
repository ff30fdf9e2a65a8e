package org.wyp.submissionservice.submission;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;

/**
 * A pitch as submitted or amended. Money in whole pence. On an amendment the problem and SME must
 * be the submission's own.
 */
record SubmissionRequest(
    @NotNull UUID problemId,
    @NotNull UUID smeId,
    @NotBlank @Size(max = 150) String title,
    @NotBlank @Size(max = 1000) String summary,
    @NotBlank @Size(max = 10_000) String approach,
    @NotBlank @Size(max = 5000) String dataUse,
    @NotBlank @Size(max = 5000) String impact,
    @NotNull @Positive @Max(MAX_REQUEST_PENCE) Long requestedPence,
    @NotEmpty @Size(max = 20) List<@NotNull @Valid TeamMemberRequest> team,
    @Size(max = 20)
        List<
                @NotNull @Size(max = 2000)
                @Pattern(regexp = "https?://\\S+", message = "must be an http or https URL") String>
            links) {

  /** £10m: far beyond any seed fund, low enough that sums of requests cannot overflow. */
  static final long MAX_REQUEST_PENCE = 1_000_000_000L;

  record TeamMemberRequest(
      @NotBlank @Size(max = 100) String name, @NotBlank @Size(max = 100) String role) {}

  Pitch toPitch() {
    return new Pitch(
        title.strip(),
        summary.strip(),
        approach.strip(),
        dataUse.strip(),
        impact.strip(),
        requestedPence,
        team.stream()
            .map(member -> new Pitch.TeamMember(member.name().strip(), member.role().strip()))
            .toList(),
        links == null ? List.of() : List.copyOf(links));
  }
}
