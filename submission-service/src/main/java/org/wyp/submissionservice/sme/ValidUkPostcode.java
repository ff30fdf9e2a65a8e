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
 * A UK postcode as {@link UkPostcode#parse} reads it. Null and blank pass, so that
 * {@code @NotBlank} alone reports a missing postcode and the field is named once.
 */
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ValidUkPostcode.Validator.class)
@interface ValidUkPostcode {

  String message() default "must be a UK postcode such as L1 8JQ, CH41 5LH or WA1 1AA";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  class Validator implements ConstraintValidator<ValidUkPostcode, String> {
    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
      return value == null || value.isBlank() || UkPostcode.parse(value).isPresent();
    }
  }
}
