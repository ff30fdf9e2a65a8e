package org.wyp.judgingservice.web;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.wyp.kit.web.ProblemTypes;

/**
 * 403 problem details for {@link ForbiddenException}. Ordered before the kit's advice, whose
 * catch-all would otherwise turn it into a 500.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ForbiddenAdvice {

  @ExceptionHandler(ForbiddenException.class)
  ResponseEntity<ProblemDetail> forbidden(ForbiddenException e) {
    ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
    body.setType(ProblemTypes.of(e.problemType()));
    body.setTitle("Forbidden");
    return ResponseEntity.status(HttpStatus.FORBIDDEN).body(body);
  }
}
