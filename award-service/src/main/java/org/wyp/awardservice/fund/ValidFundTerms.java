package org.wyp.awardservice.fund;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Objects;
import org.wyp.events.award.AllocationPolicy;

/**
 * The rules of a fund request that span fields, each reported against the field to fix: the
 * policy's own parameter is present (and the other policies' absent), there is one rank weight per
 * award place, and the tranche percentages sum to 100. Parts that are missing or malformed are left
 * to their field constraints, so each mistake is reported once.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ValidFundTerms.Validator.class)
@interface ValidFundTerms {

  String message() default "inconsistent fund terms";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  class Validator implements ConstraintValidator<ValidFundTerms, FundRequest> {

    @Override
    public boolean isValid(FundRequest request, ConstraintValidatorContext context) {
      if (request == null) {
        return true;
      }
      context.disableDefaultConstraintViolation();
      boolean valid = true;
      boolean hasWeights = request.rankWeights() != null && !request.rankWeights().isEmpty();
      if (request.policy() == AllocationPolicy.RANK_WEIGHTED) {
        if (!hasWeights) {
          valid = fail(context, "rankWeights", "is required for RANK_WEIGHTED");
        } else if (request.maxAwards() != null
            && request.rankWeights().size() != request.maxAwards()) {
          valid =
              fail(
                  context,
                  "rankWeights",
                  "must give one weight per award place: " + request.maxAwards());
        }
      } else if (hasWeights) {
        valid = fail(context, "rankWeights", "applies to RANK_WEIGHTED only");
      }
      if (request.policy() == AllocationPolicy.REQUESTED_CAPPED) {
        if (request.capPence() == null) {
          valid = fail(context, "capPence", "is required for REQUESTED_CAPPED");
        }
      } else if (request.capPence() != null) {
        valid = fail(context, "capPence", "applies to REQUESTED_CAPPED only");
      }
      if (request.tranches() != null
          && !request.tranches().isEmpty()
          && request.tranches().stream()
              .allMatch(t -> t != null && t.percent() != null && t.percent() > 0)) {
        int sum =
            request.tranches().stream()
                .map(FundRequest.TrancheRequest::percent)
                .filter(Objects::nonNull)
                .mapToInt(Integer::intValue)
                .sum();
        if (sum != 100) {
          valid = fail(context, "tranches", "percentages must sum to 100, not " + sum);
        }
      }
      return valid;
    }

    private static boolean fail(ConstraintValidatorContext context, String field, String message) {
      context
          .buildConstraintViolationWithTemplate(message)
          .addPropertyNode(field)
          .addConstraintViolation();
      return false;
    }
  }
}
