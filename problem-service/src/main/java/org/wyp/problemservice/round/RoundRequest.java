package org.wyp.problemservice.round;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

/**
 * Announces a round. {@code eligiblePostcodeAreas} limits which SMEs may pitch; absent means the
 * region's default areas.
 */
record RoundRequest(
    @NotBlank @Size(max = 120) String name,
    @NotBlank @Size(max = 4000) String description,
    @NotNull Instant opensAt,
    @NotNull Instant closesAt,
    @NotNull Instant finalsAt,
    @Size(max = 50)
        List<
                @NotNull
                @Pattern(
                    regexp = "[A-Z]{1,2}",
                    message = "must be a postcode area of one or two capital letters, e.g. L or CH")
                String>
            eligiblePostcodeAreas) {

  /** The city region's postcode areas: Liverpool, Chester, Warrington, Preston. */
  static final List<String> DEFAULT_POSTCODE_AREAS = List.of("L", "CH", "WA", "PR");

  List<String> postcodeAreasOrDefault() {
    return eligiblePostcodeAreas == null ? DEFAULT_POSTCODE_AREAS : eligiblePostcodeAreas;
  }
}
