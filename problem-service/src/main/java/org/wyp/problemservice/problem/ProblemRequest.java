package org.wyp.problemservice.problem;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.wyp.events.problem.ProblemContent;
import org.wyp.events.problem.ProblemContent.DataAccessLevel;

/** A problem statement as drafted or edited. */
record ProblemRequest(
    @NotNull UUID roundId,
    @NotBlank @Size(max = 150) String title,
    @NotBlank @Size(max = 500) String summary,
    @NotBlank @Size(max = 10_000) String description,
    @NotNull
        @Pattern(
            regexp = "[a-z][a-z0-9-]{1,39}",
            message = "must be a lower-case slug such as health or family-support")
        String theme,
    @NotBlank @Size(max = 200) String ownerOrganisation,
    @NotEmpty @Size(max = 40) List<@NotBlank @Size(max = 80) String> boroughs,
    @Size(max = 10_000) String evidence,
    @Size(max = 30) List<@NotNull @Valid DatasetRequest> datasets,
    @NotEmpty @Size(max = 20) List<@NotBlank @Size(max = 500) String> successMeasures) {

  /** A civic data set that could help. */
  record DatasetRequest(
      @NotBlank @Size(max = 200) String name,
      @NotBlank
          @Size(max = 2000)
          @Pattern(regexp = "https?://\\S+", message = "must be an http or https URL")
          String url,
      @NotNull DataAccessLevel accessLevel) {}

  ProblemContent content() {
    return new ProblemContent(
        title.strip(),
        summary.strip(),
        description.strip(),
        theme,
        ownerOrganisation.strip(),
        boroughs.stream().map(String::strip).distinct().toList(),
        evidence == null ? "" : evidence.strip(),
        datasets == null
            ? List.of()
            : datasets.stream()
                .map(d -> new ProblemContent.Dataset(d.name().strip(), d.url(), d.accessLevel()))
                .toList(),
        successMeasures.stream().map(String::strip).toList());
  }
}
