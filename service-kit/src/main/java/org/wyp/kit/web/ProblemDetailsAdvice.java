package org.wyp.kit.web;

import java.net.URI;
import java.nio.charset.CharacterCodingException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.wyp.kit.aggregate.ConcurrentUpdateException;
import org.wyp.kit.domain.ConflictException;
import org.wyp.kit.domain.ForbiddenException;
import org.wyp.kit.domain.NotFoundException;
import org.wyp.kit.domain.RuleViolationException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Every error as RFC 9457 problem details: a stable {@code type}, a human {@code detail}, field
 * errors for validation. Client mistakes are 4xx; anything unexpected is a 500 that reveals nothing
 * internal (the cause is logged).
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);
  private static final URI ABOUT_BLANK = URI.create("about:blank");

  @ExceptionHandler(NotFoundException.class)
  ResponseEntity<Object> notFound(NotFoundException e) {
    return problem(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, "Not found", e.getMessage());
  }

  @ExceptionHandler(ForbiddenException.class)
  ResponseEntity<Object> forbidden(ForbiddenException e) {
    return problem(
        HttpStatus.FORBIDDEN, ProblemTypes.of(e.problemType()), "Forbidden", e.getMessage());
  }

  @ExceptionHandler(ConflictException.class)
  ResponseEntity<Object> conflict(ConflictException e) {
    return problem(
        HttpStatus.CONFLICT, ProblemTypes.of(e.problemType()), "Conflict", e.getMessage());
  }

  @ExceptionHandler(RuleViolationException.class)
  ResponseEntity<Object> ruleViolation(RuleViolationException e) {
    return problem(
        HttpStatus.UNPROCESSABLE_CONTENT,
        ProblemTypes.of(e.problemType()),
        "Unprocessable request",
        e.getMessage());
  }

  @ExceptionHandler(MissingIfMatchException.class)
  ResponseEntity<Object> missingIfMatch(MissingIfMatchException e) {
    return problem(
        HttpStatus.PRECONDITION_REQUIRED,
        ProblemTypes.of("precondition-required"),
        "Precondition required",
        e.getMessage());
  }

  @ExceptionHandler(ConcurrentUpdateException.class)
  ResponseEntity<Object> concurrentUpdate(ConcurrentUpdateException e) {
    return problem(
        HttpStatus.CONFLICT,
        ProblemTypes.CONCURRENT_UPDATE,
        "Concurrent update",
        e.getMessage() + "; fetch it again and reapply your change");
  }

  @ExceptionHandler(DuplicateKeyException.class)
  ResponseEntity<Object> duplicate(DuplicateKeyException e) {
    return problem(
        HttpStatus.CONFLICT,
        ProblemTypes.of("duplicate"),
        "Duplicate",
        "A resource with the same identity already exists");
  }

  @ExceptionHandler(PreconditionFailedException.class)
  ResponseEntity<Object> preconditionFailed(PreconditionFailedException e) {
    return problem(
        HttpStatus.PRECONDITION_FAILED,
        ProblemTypes.PRECONDITION_FAILED,
        "Precondition failed",
        e.getMessage());
  }

  @ExceptionHandler(PayloadTooLargeException.class)
  ResponseEntity<Object> tooLarge(PayloadTooLargeException e) {
    return problem(
        HttpStatus.CONTENT_TOO_LARGE,
        ProblemTypes.PAYLOAD_TOO_LARGE,
        "Payload too large",
        e.getMessage());
  }

  @ExceptionHandler(ETags.MalformedIfMatchException.class)
  ResponseEntity<Object> malformedIfMatch(ETags.MalformedIfMatchException e) {
    return problem(
        HttpStatus.BAD_REQUEST,
        ProblemTypes.MALFORMED_REQUEST,
        "Malformed request",
        e.getMessage());
  }

  @ExceptionHandler(MethodArgumentTypeMismatchException.class)
  ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException e) {
    ProblemDetail body =
        detail(
            HttpStatus.BAD_REQUEST,
            ProblemTypes.VALIDATION,
            "Invalid request",
            "Parameter '" + e.getName() + "' has an invalid value");
    body.setProperty(
        "errors",
        List.of(
            new FieldError(e.getName(), "must be a valid " + expectedType(e.getRequiredType()))));
    return ResponseEntity.badRequest().body(body);
  }

  /** A multipart body that cannot be parsed: no endpoint takes one, and this one is broken. */
  @ExceptionHandler(MultipartException.class)
  ResponseEntity<Object> malformedMultipart(MultipartException e) {
    return problem(
        HttpStatus.BAD_REQUEST,
        ProblemTypes.MALFORMED_REQUEST,
        "Malformed request",
        "The multipart body could not be read");
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<Object> unexpected(Exception e) {
    log.error("unexpected error handling a request", e);
    return problem(
        HttpStatus.INTERNAL_SERVER_ERROR,
        ProblemTypes.INTERNAL,
        "Internal error",
        "The request could not be completed; the error has been logged");
  }

  @Override
  protected ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    List<FieldError> errors =
        e.getBindingResult().getFieldErrors().stream()
            .map(error -> new FieldError(error.getField(), error.getDefaultMessage()))
            .sorted(Comparator.comparing(FieldError::field))
            .toList();
    return validationProblem(errors);
  }

  @Override
  protected ResponseEntity<Object> handleHandlerMethodValidationException(
      HandlerMethodValidationException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    // A body validated together with constrained parameters arrives here, not as
    // MethodArgumentNotValidException: its errors name the body's fields, not the parameter.
    List<FieldError> errors =
        e.getParameterValidationResults().stream()
            .flatMap(
                result ->
                    result instanceof ParameterErrors body
                        ? body.getFieldErrors().stream()
                            .map(
                                error ->
                                    new FieldError(error.getField(), error.getDefaultMessage()))
                        : result.getResolvableErrors().stream()
                            .map(
                                error ->
                                    new FieldError(
                                        parameterName(result), error.getDefaultMessage())))
            .sorted(Comparator.comparing(FieldError::field))
            .toList();
    return validationProblem(errors);
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    Throwable cause = e.getCause();
    for (Throwable t = cause; t != null; t = t.getCause()) {
      if (t instanceof PayloadTooLargeException tooLarge) {
        return tooLarge(tooLarge);
      }
    }
    ProblemDetail body =
        detail(
            HttpStatus.BAD_REQUEST,
            ProblemTypes.MALFORMED_REQUEST,
            "Malformed request",
            unreadableReason(cause));
    if (cause instanceof DatabindException databind && !(cause instanceof StreamReadException)) {
      body.setProperty("errors", List.of(new FieldError(path(databind), fieldMessage(databind))));
    }
    return ResponseEntity.badRequest().body(body);
  }

  /**
   * Spring's own answers (415, 405, 406, ...) come without a {@code type}, which means {@code
   * about:blank}: each gets a stable type named for its status, as every other problem has.
   */
  @Override
  protected ResponseEntity<Object> createResponseEntity(
      Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
    if (body instanceof ProblemDetail problem
        && (problem.getType() == null || ABOUT_BLANK.equals(problem.getType()))) {
      problem.setType(typeFor(statusCode));
    }
    return super.createResponseEntity(body, headers, statusCode, request);
  }

  private static URI typeFor(HttpStatusCode status) {
    return switch (status.value()) {
      case 400 -> ProblemTypes.MALFORMED_REQUEST;
      case 404 -> ProblemTypes.NOT_FOUND;
      case 413 -> ProblemTypes.PAYLOAD_TOO_LARGE;
      case 500 -> ProblemTypes.INTERNAL;
      default -> {
        HttpStatus known = HttpStatus.resolve(status.value());
        yield known == null
            ? ProblemTypes.of("status-" + status.value())
            : ProblemTypes.of(known.name().toLowerCase(Locale.ROOT).replace('_', '-'));
      }
    };
  }

  private static String unreadableReason(Throwable cause) {
    if (cause instanceof CharacterCodingException) {
      return "The body is not valid UTF-8";
    }
    if (cause instanceof UnrecognizedPropertyException unknown) {
      return "Unknown field '" + path(unknown) + "'";
    }
    if (cause instanceof DatabindException databind && !(cause instanceof StreamReadException)) {
      return "Field '" + path(databind) + "' has a value of the wrong type or format";
    }
    if (cause instanceof JacksonException) {
      return "The body is not well-formed JSON";
    }
    return "The request body is missing or unreadable";
  }

  private static String fieldMessage(DatabindException e) {
    return e instanceof UnrecognizedPropertyException
        ? "is not a known field"
        : "has a value of the wrong type or format";
  }

  private static String path(DatabindException e) {
    StringBuilder path = new StringBuilder();
    for (var reference : e.getPath()) {
      if (reference.getPropertyName() != null) {
        if (!path.isEmpty()) {
          path.append('.');
        }
        path.append(reference.getPropertyName());
      } else if (reference.getIndex() >= 0) {
        path.append('[').append(reference.getIndex()).append(']');
      }
    }
    return path.isEmpty() ? "(body)" : path.toString();
  }

  private static String parameterName(ParameterValidationResult result) {
    String name = result.getMethodParameter().getParameterName();
    return name == null ? "parameter" : name;
  }

  private static String expectedType(Class<?> type) {
    if (type == null) {
      return "value";
    }
    return switch (type.getSimpleName()) {
      case "UUID" -> "UUID";
      case "int", "Integer", "long", "Long" -> "whole number";
      default -> type.isEnum() ? "one of " + List.of(type.getEnumConstants()) : "value";
    };
  }

  private static ResponseEntity<Object> validationProblem(List<FieldError> errors) {
    ProblemDetail body =
        detail(
            HttpStatus.BAD_REQUEST,
            ProblemTypes.VALIDATION,
            "Invalid request",
            errors.size() == 1 ? "1 field is invalid" : errors.size() + " fields are invalid");
    body.setProperty("errors", errors);
    return ResponseEntity.badRequest().body(body);
  }

  static ResponseEntity<Object> problem(HttpStatus status, URI type, String title, String detail) {
    return ResponseEntity.status(status).body(detail(status, type, title, detail));
  }

  private static ProblemDetail detail(HttpStatus status, URI type, String title, String detail) {
    ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
    body.setType(type);
    body.setTitle(title);
    return body;
  }
}
