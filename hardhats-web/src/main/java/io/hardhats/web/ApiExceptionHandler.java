package io.hardhats.web;

import java.sql.SQLException;
import java.time.DateTimeException;
import java.util.Map;
import java.util.stream.Collectors;

import io.hardhats.cameras.CameraHostGuard;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DatabindException;

/**
 * Turns every failure into the one error shape. Details name the offending field, never echo
 * its value (it could be a password).
 */
@RestControllerAdvice
public class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);
    /** How Jackson's strict duplicate detection (see {@link StrictJson}) begins its message. */
    private static final String DUPLICATE_KEY = "Duplicate Object property";

    /** A failure whose answer never depends on the request. */
    private record Answer(HttpStatus status, String error, String detail) {
    }

    /** Looked up by the failure's class, then its superclasses: the nearest answers. */
    private static final Map<Class<?>, Answer> FIXED = Map.of(
            HttpMediaTypeNotSupportedException.class, new Answer(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    "unsupported_media_type", "send the body as application/json"),
            HttpMediaTypeNotAcceptableException.class, new Answer(HttpStatus.NOT_ACCEPTABLE,
                    "not_acceptable", "this resource is only available as JSON"),
            NoResourceFoundException.class, new Answer(HttpStatus.NOT_FOUND, "not_found", "no such resource"),
            MaxUploadSizeExceededException.class, new Answer(HttpStatus.PAYLOAD_TOO_LARGE,
                    "payload_too_large", "upload is larger than the limit"),
            MultipartException.class, new Answer(HttpStatus.BAD_REQUEST,
                    "bad_request", "expected a multipart/form-data upload"),
            AccessDeniedException.class, new Answer(HttpStatus.FORBIDDEN, "forbidden", "your role does not allow this"),
            AuthenticationException.class, new Answer(HttpStatus.UNAUTHORIZED, "unauthorized", "sign in first"),
            // Tomcat parses the query string only when a parameter is first read, here, not in a filter.
            InvalidParameterException.class, new Answer(HttpStatus.BAD_REQUEST,
                    "bad_request", "the query string is malformed"),
            // Date arithmetic on a client's date at the edge of the calendar (the year one billion).
            DateTimeException.class, new Answer(HttpStatus.UNPROCESSABLE_ENTITY,
                    "validation_failed", "a date or time is out of range"));

    /**
     * The content type is set, not negotiated: an error is JSON whatever the request accepts, an
     * event stream's {@code Accept: text/event-stream} included.
     */
    @ExceptionHandler(ApiException.class)
    ResponseEntity<ApiError> api(ApiException e) {
        ResponseEntity.BodyBuilder response = ResponseEntity.status(e.status()).contentType(MediaType.APPLICATION_JSON);
        if (e.retryAfterSeconds() != null) {
            response.header(HttpHeaders.RETRY_AFTER, e.retryAfterSeconds());
        }
        return response.body(e.body());
    }

    @ExceptionHandler(ByteRange.Unsatisfiable.class)
    ResponseEntity<ApiError> unsatisfiableRange(ByteRange.Unsatisfiable e) {
        return ResponseEntity.status(HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE)
                .header(HttpHeaders.CONTENT_RANGE, "bytes */" + e.size())
                .body(new ApiError("range_not_satisfiable", e.getMessage()));
    }

    @ExceptionHandler(CameraHostGuard.ForbiddenHostException.class)
    ResponseEntity<ApiError> forbiddenCameraHost(CameraHostGuard.ForbiddenHostException e) {
        return error(HttpStatus.UNPROCESSABLE_ENTITY, "validation_failed", "rtsp_url: " + e.getMessage());
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<ApiError> invalidBody(MethodArgumentNotValidException e) {
        String detail = e.getBindingResult().getFieldErrors().stream()
                .map(ApiExceptionHandler::describe)
                .sorted()
                .collect(Collectors.joining("; "));
        return error(HttpStatus.UNPROCESSABLE_ENTITY, "validation_failed", detail.isEmpty() ? "invalid request" : detail);
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ResponseEntity<ApiError> invalidParameters(HandlerMethodValidationException e) {
        String detail = e.getParameterValidationResults().stream()
                .map(result -> result.getMethodParameter().getParameterName() + ": "
                        + result.getResolvableErrors().get(0).getDefaultMessage())
                .collect(Collectors.joining("; "));
        return error(HttpStatus.UNPROCESSABLE_ENTITY, "validation_failed", detail);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<ApiError> unreadable(HttpMessageNotReadableException e) {
        if (causedBy(e, RequestTooLargeException.class)) {
            return api(RequestSizeLimitFilter.tooLarge());
        }
        // Not the most specific cause: a failing @JsonCreator (an unknown enum spelling) is an
        // IllegalArgumentException wrapped in the DatabindException that knows the field.
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof NulCharacterException nul) {
                String field = nul.getPath().isEmpty() ? "body" : path(nul);
                return error(HttpStatus.UNPROCESSABLE_ENTITY, "validation_failed",
                        field + ": must not contain the NUL character");
            }
            if (cause instanceof StreamReadException read && read.getOriginalMessage() != null
                    && read.getOriginalMessage().startsWith(DUPLICATE_KEY)) {
                return error(HttpStatus.BAD_REQUEST, "bad_request", "request body has a duplicate key");
            }
            if (cause instanceof DatabindException databind && !databind.getPath().isEmpty()) {
                return error(HttpStatus.BAD_REQUEST, "bad_request", "invalid value for '" + path(databind) + "'");
            }
        }
        return error(HttpStatus.BAD_REQUEST, "bad_request", "request body is missing or is not valid JSON");
    }

    private static String path(JacksonException e) {
        return e.getPath().stream()
                .map(reference -> reference.getPropertyName() != null
                        ? reference.getPropertyName() : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining("."));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ApiError> typeMismatch(MethodArgumentTypeMismatchException e) {
        return error(HttpStatus.BAD_REQUEST, "bad_request", "invalid value for '" + e.getName() + "'");
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<ApiError> missingParameter(MissingServletRequestParameterException e) {
        return error(HttpStatus.BAD_REQUEST, "bad_request", "missing parameter '" + e.getParameterName() + "'");
    }

    @ExceptionHandler(MissingServletRequestPartException.class)
    ResponseEntity<ApiError> missingPart(MissingServletRequestPartException e) {
        return error(HttpStatus.BAD_REQUEST, "bad_request", "missing multipart part '" + e.getRequestPartName() + "'");
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ApiError> method(HttpRequestMethodNotSupportedException e) {
        return error(HttpStatus.METHOD_NOT_ALLOWED, "method_not_allowed", e.getMethod() + " is not allowed here");
    }

    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<ApiError> conflict(DataIntegrityViolationException e) {
        // SQLSTATE class 22 (data exception: out of range, too long, untranslatable) is a value
        // the request carried that PostgreSQL cannot store, not a clash with other rows.
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("22")) {
                return error(HttpStatus.UNPROCESSABLE_ENTITY, "validation_failed",
                        "a value is outside what the service can store");
            }
        }
        return error(HttpStatus.CONFLICT, "conflict", "the change conflicts with existing data");
    }

    /**
     * A browser that closed its live stream (SSE, MJPEG) is the normal end of that stream, not
     * an error, and nobody is left to read an answer: as Spring's own handler does, answer
     * nothing (a null entity marks the request handled).
     */
    @ExceptionHandler(AsyncRequestNotUsableException.class)
    ResponseEntity<ApiError> clientGone(AsyncRequestNotUsableException e) {
        log.debug("Client went away: {}", e.getMessage());
        return null;
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ApiError> unexpected(Exception e) {
        for (Class<?> type = e.getClass(); type != null; type = type.getSuperclass()) {
            Answer answer = FIXED.get(type);
            if (answer != null) {
                return error(answer.status(), answer.error(), answer.detail());
            }
        }
        if (causedBy(e, RequestTooLargeException.class)) {
            return api(RequestSizeLimitFilter.tooLarge());
        }
        if (DatabaseOutage.isCause(e)) {
            return api(DatabaseOutage.error());
        }
        if (StatementTimeout.isCause(e)) {
            return api(StatementTimeout.error());
        }
        // Spring's own request failures (ErrorResponse) that no handler above names yet.
        if (e instanceof ErrorResponse response && response.getStatusCode().is4xxClientError()) {
            ApiError body = ApiError.of(response.getStatusCode().value());
            return ResponseEntity.status(response.getStatusCode()).body(body);
        }
        log.error("Unexpected error", e);
        return error(HttpStatus.INTERNAL_SERVER_ERROR, "internal_error", "something went wrong on our side");
    }

    private static String describe(FieldError error) {
        return error.getField().replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase() + ": " + error.getDefaultMessage();
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static ResponseEntity<ApiError> error(HttpStatus status, String error, String detail) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(new ApiError(error, detail));
    }
}
