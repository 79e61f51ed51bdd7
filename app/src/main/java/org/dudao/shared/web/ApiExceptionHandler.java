package org.dudao.shared.web;

import jakarta.persistence.OptimisticLockException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.dudao.shared.ConflictException;
import org.dudao.shared.FieldProblem;
import org.dudao.shared.ForbiddenException;
import org.dudao.shared.InvalidInputException;
import org.dudao.shared.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConversionException;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns every error of the REST API into an RFC 7807 problem detail. Bad input names each field; user mistakes
 * never become a 500, and no stack trace ever leaves the server.
 */
@org.springframework.core.annotation.Order(org.springframework.core.Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(annotations = org.springframework.web.bind.annotation.RestController.class)
class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);
    private final MessageSource messages;

    ApiExceptionHandler(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(InvalidInputException.class)
    ProblemDetail invalid(InvalidInputException e) {
        return badRequest(e.problems());
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ProblemDetail invalid(MethodArgumentNotValidException e) {
        List<FieldProblem> problems = new ArrayList<>();
        e.getBindingResult()
                .getFieldErrors()
                .forEach(fe -> problems.add(
                        new FieldProblem(fe.getField(), messages.getMessage(fe, LocaleContextHolder.getLocale()))));
        e.getBindingResult()
                .getGlobalErrors()
                .forEach(ge -> problems.add(new FieldProblem(
                        ge.getObjectName(), messages.getMessage(ge, LocaleContextHolder.getLocale()))));
        return badRequest(problems);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        return badRequest(List.of(BodyProblems.of(e)));
    }

    /** Jackson could not build the body's type from what was sent (e.g. a scalar for a record): bad input too. */
    @ExceptionHandler(HttpMessageConversionException.class)
    ProblemDetail unconvertible(HttpMessageConversionException e) {
        if (e instanceof org.springframework.http.converter.HttpMessageNotWritableException) {
            return unexpected(e); // our answer could not be written: not the caller's fault
        }
        log.warn("request body not convertible: {}", e.getMessage());
        return badRequest(List.of(BodyProblems.of(e)));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail mismatch(MethodArgumentTypeMismatchException e) {
        return badRequest(List.of(new FieldProblem(e.getName(), "error.type-mismatch")));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ProblemDetail missing(MissingServletRequestParameterException e) {
        return badRequest(List.of(new FieldProblem(e.getParameterName(), "error.required")));
    }

    @ExceptionHandler(MissingServletRequestPartException.class)
    ProblemDetail missingPart(MissingServletRequestPartException e) {
        return badRequest(List.of(new FieldProblem(e.getRequestPartName(), "error.required")));
    }

    /**
     * One plain answer for unknown and out-of-scope objects alike: what was looked up (an internal id, the unit
     * that owns it) stays out of the answer, so nothing reveals that a foreign object exists.
     */
    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, text("error.not-found"));
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ProblemDetail noResource(NoResourceFoundException e) {
        return problem(HttpStatus.NOT_FOUND, text("error.not-found"));
    }

    @ExceptionHandler({ForbiddenException.class, AccessDeniedException.class})
    ProblemDetail forbidden(RuntimeException e) {
        String key = e instanceof ForbiddenException ? e.getMessage() : "error.forbidden";
        return problem(HttpStatus.FORBIDDEN, text(key));
    }

    @ExceptionHandler(ConflictException.class)
    ProblemDetail conflict(ConflictException e) {
        return problem(HttpStatus.CONFLICT, text(e.getMessage(), e.args()));
    }

    @ExceptionHandler({ObjectOptimisticLockingFailureException.class, OptimisticLockException.class})
    ProblemDetail stale(RuntimeException e) {
        return problem(HttpStatus.CONFLICT, text("error.stale"));
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ProblemDetail integrity(DataIntegrityViolationException e) {
        log.info("integrity violation: {}", e.getMostSpecificCause().getMessage());
        return problem(HttpStatus.CONFLICT, text("error.integrity"));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ProblemDetail method(HttpRequestMethodNotSupportedException e) {
        return problem(HttpStatus.METHOD_NOT_ALLOWED, text("error.method"));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ProblemDetail mediaType(HttpMediaTypeNotSupportedException e) {
        return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, text("error.media-type"));
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ProblemDetail tooLarge(MaxUploadSizeExceededException e) {
        return problem(HttpStatus.PAYLOAD_TOO_LARGE, text("error.too-large"));
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        log.error("unexpected error", e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, text("error.internal"));
    }

    private ProblemDetail badRequest(List<FieldProblem> problems) {
        ProblemDetail pd = problem(HttpStatus.BAD_REQUEST, text("error.invalid-input"));
        pd.setProperty(
                "errors",
                problems.stream()
                        .map(p -> Map.of("field", p.field(), "message", text(p.message(), p.args())))
                        .toList());
        return pd;
    }

    private ProblemDetail problem(HttpStatus status, String detail) {
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(status, detail);
        pd.setType(URI.create("about:blank"));
        pd.setTitle(text("status." + status.value()));
        return pd;
    }

    /** Resolves a message key; text that is not a key is returned as it is. */
    private String text(String keyOrText, Object... args) {
        return messages.getMessage(keyOrText, args, keyOrText, LocaleContextHolder.getLocale());
    }
}
