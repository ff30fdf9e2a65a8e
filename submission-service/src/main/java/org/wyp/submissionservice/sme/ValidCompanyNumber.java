package org.wyp.submissionservice.sme;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A Companies House number as {@link CompanyNumber#parse} reads it. Null and blank pass, so that
 * {@code @NotBlank} alone reports a missing number and the field is named once.
 */
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ValidCompanyNumber.Validator.class)
@interface ValidCompanyNumber {

  String message() default
      "must be a Companies House number of 8 characters: 8 digits, or 2 letters and 6 digits"
          + " (e.g. 01234567 or SC123456)";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  class Validator implements ConstraintValidator<ValidCompanyNumber, String> {
    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
      return value == null || value.isBlank() || CompanyNumber.parse(value).isPresent();
    }
  }
}
