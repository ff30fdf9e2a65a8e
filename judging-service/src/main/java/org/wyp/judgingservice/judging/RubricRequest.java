package org.wyp.judgingservice.judging;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import org.wyp.events.judging.Stage;
import org.wyp.judgingservice.chain.CriterionSpec;
import org.wyp.judgingservice.chain.RubricSpec;
import org.wyp.judgingservice.scoring.Normalisation;

/**
 * A stage's rubric. Ranges default to 0–10; weights are decimals that must sum to 1. Cross-field
 * rules (the sum, min below max, distinct keys, a shortlist size or blind screening only for
 * SCREENING) are checked by the service as 422s. {@code blindScreening} (default false) hides the
 * SMEs' identity from the screening judges.
 */
record RubricRequest(
    @NotEmpty @Size(max = 20) List<@NotNull @Valid CriterionRequest> criteria,
    @NotNull Normalisation normalisation,
    @NotNull @Min(1) @Max(50) Integer minJudgesPerPitch,
    @Min(1) @Max(1000) Integer shortlistSize,
    Boolean blindScreening) {

  record CriterionRequest(
      @NotNull
          @Pattern(
              regexp = "[A-Za-z][A-Za-z0-9_-]{0,39}",
              message = "must be 1 to 40 letters, digits, _ or -, starting with a letter")
          String key,
      @NotBlank @Size(max = 100) String name,
      @Size(max = 1000) String description,
      @NotNull
          @DecimalMin(value = "0", inclusive = false)
          @DecimalMax(value = "1")
          @Digits(integer = 1, fraction = 12)
          BigDecimal weight,
      @Min(-1000) @Max(1000) Integer min,
      @Min(-1000) @Max(1000) Integer max) {}

  static final int DEFAULT_MIN = 0;
  static final int DEFAULT_MAX = 10;

  RubricSpec toSpec(Stage stage) {
    return new RubricSpec(
        stage,
        criteria.stream()
            .map(
                c ->
                    new CriterionSpec(
                        c.key(),
                        c.name().strip(),
                        c.description() == null ? null : c.description().strip(),
                        // One spelling per value, so a repeated PUT is recognised as the same.
                        new BigDecimal(c.weight().stripTrailingZeros().toPlainString()),
                        c.min() == null ? DEFAULT_MIN : c.min(),
                        c.max() == null ? DEFAULT_MAX : c.max()))
            .toList(),
        normalisation,
        minJudgesPerPitch,
        shortlistSize,
        Boolean.TRUE.equals(blindScreening));
  }
}
