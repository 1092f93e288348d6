package bj.gouv.masm.shared;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * A form submission (task completion or process start) refused on the server, with a French message a
 * clerk understands. The engine rolls back (the task stays open, nothing changes); being a form
 * validation exception, Camunda's REST APIs (Tasklist's included) answer it with 400 and its message.
 * {@link FormInputErrorsPlugin} keeps the engine from burying it under "Exception while invoking
 * TaskListener".
 */
public class FormInputException extends FormFieldValidationException {

    public FormInputException(String field, String message) {
        super(field, message);
    }

    public FormInputException(String message) {
        super(null, message);
    }

    /** The form field refused, when one is known. */
    public String field() {
        return getDetail();
    }
}
