package org.wyp.awardservice.fund;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.wyp.awardservice.allocation.FundTerms;
import org.wyp.awardservice.allocation.TrancheTerm;
import org.wyp.events.award.AllocationPolicy;

/**
 * A fund's terms. Money in whole pence. Which of {@code rankWeights} and {@code capPence} is needed
 * depends on the policy; {@link ValidFundTerms} checks that and the tranche percentages.
 */
@ValidFundTerms
record FundRequest(
    @NotNull @Positive @Max(MAX_BUDGET_PENCE) Long budgetPence,
    @NotNull @Min(1) @Max(MAX_AWARDS) Integer maxAwards,
    @NotNull AllocationPolicy policy,
    @Size(max = MAX_AWARDS) List<@NotNull @Positive @Max(MAX_WEIGHT) Integer> rankWeights,
    @Positive @Max(MAX_BUDGET_PENCE) Long capPence,
    @NotEmpty @Size(max = 20) List<@NotNull @Valid TrancheRequest> tranches) {

  /** £1bn: beyond any seed fund, and low enough that a budget times a weight fits in a long. */
  static final long MAX_BUDGET_PENCE = 100_000_000_000L;

  /** A fund lives in one document with its awards, so a round's awards are bounded. */
  static final int MAX_AWARDS = 100;

  static final int MAX_WEIGHT = 10_000;

  record TrancheRequest(
      @NotBlank @Size(max = 100) String label, @NotNull @Positive @Max(100) Integer percent) {}

  FundTerms toTerms() {
    return new FundTerms(
        budgetPence,
        maxAwards,
        policy,
        rankWeights == null ? List.of() : rankWeights,
        capPence,
        tranches.stream().map(t -> new TrancheTerm(t.label().strip(), t.percent())).toList());
  }
}
