package bj.gouv.masm.shared;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** Every error of our /api is JSON with a human-readable {@code message}; no stack trace leaves the server. */
@RestControllerAdvice(basePackages = "bj.gouv.masm")
public class ApiExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<Map<String, Object>> handle(ApiException e) {
        return body(e.status(), e.getMessage(), e.fieldErrors());
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ResponseEntity<Map<String, Object>> handle(MethodArgumentNotValidException e) {
        List<ApiException.FieldError> errors = e.getBindingResult().getFieldErrors().stream()
                .map(f -> new ApiException.FieldError(f.getField(), f.getDefaultMessage()))
                .toList();
        return body(HttpStatus.BAD_REQUEST, "Invalid input: " + errors.size() + " error(s)", errors);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, Object>> handle(HttpMessageNotReadableException e) {
        if (RequestTooLargeException.causedBy(e)) {
            return tooLarge();
        }
        return body(HttpStatus.BAD_REQUEST, "Malformed request body", List.of());
    }

    @ExceptionHandler(org.springframework.web.multipart.MaxUploadSizeExceededException.class)
    ResponseEntity<Map<String, Object>> handle(org.springframework.web.multipart.MaxUploadSizeExceededException e) {
        return tooLarge();
    }

    private ResponseEntity<Map<String, Object>> tooLarge() {
        return body(HttpStatus.PAYLOAD_TOO_LARGE, "Requête trop volumineuse", List.of());
    }

    @ExceptionHandler({MethodArgumentTypeMismatchException.class, MissingServletRequestParameterException.class,
            MissingServletRequestPartException.class})
    ResponseEntity<Map<String, Object>> handleBadParameter(Exception e) {
        return body(HttpStatus.BAD_REQUEST, "Invalid request parameter: " + e.getMessage(), List.of());
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<Map<String, Object>> handle(HttpMediaTypeNotSupportedException e) {
        return body(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported content type", List.of());
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<Map<String, Object>> handle(HttpRequestMethodNotSupportedException e) {
        return body(HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed", List.of());
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<Map<String, Object>> handle(NoResourceFoundException e) {
        return body(HttpStatus.NOT_FOUND, "Not found", List.of());
    }

    @ExceptionHandler(AuthorizationException.class)
    ResponseEntity<Map<String, Object>> handle(AuthorizationException e) {
        return body(HttpStatus.FORBIDDEN, "Not allowed", List.of());
    }

    @ExceptionHandler(BadUserRequestException.class)
    ResponseEntity<Map<String, Object>> handle(BadUserRequestException e) {
        return body(HttpStatus.BAD_REQUEST, e.getMessage(), List.of());
    }

    @ExceptionHandler({DataIntegrityViolationException.class, OptimisticLockingFailureException.class})
    ResponseEntity<Map<String, Object>> handleConflict(Exception e) {
        log.info("Conflicting write refused: {}", e.getMessage());
        return body(HttpStatus.CONFLICT, "The record conflicts with existing data or was changed meanwhile", List.of());
    }

    @ExceptionHandler(ProcessEngineException.class)
    ResponseEntity<Map<String, Object>> handle(ProcessEngineException e) {
        log.warn("Process engine refused a request", e);
        return body(HttpStatus.BAD_REQUEST, e.getMessage(), List.of());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Map<String, Object>> handleUnexpected(Exception e) {
        log.error("Unexpected error", e);
        return body(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error; the incident was logged", List.of());
    }

    static ResponseEntity<Map<String, Object>> body(HttpStatus status, String message,
                                                    List<ApiException.FieldError> errors) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status.value());
        body.put("message", message);
        if (!errors.isEmpty()) {
            body.put("errors", errors);
        }
        return ResponseEntity.status(status).body(body);
    }
}
