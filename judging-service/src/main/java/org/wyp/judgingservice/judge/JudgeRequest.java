package org.wyp.judgingservice.judge;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * Registers a judge. {@code affiliations} are the companies (names or company numbers) the judge
 * directs, advises or holds shares in.
 */
record JudgeRequest(
    @NotBlank @Size(max = 100) String name,
    @NotBlank @Size(max = 150) String organisation,
    @Size(max = 30) List<@NotBlank @Size(max = 60) String> expertise,
    @Size(max = 50) List<@NotBlank @Size(max = 150) String> affiliations) {

  List<String> expertiseOrEmpty() {
    return expertise == null ? List.of() : expertise.stream().map(String::strip).toList();
  }

  List<String> affiliationsOrEmpty() {
    return affiliations == null ? List.of() : affiliations.stream().map(String::strip).toList();
  }
}
