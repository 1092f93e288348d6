package bj.gouv.masm.conventions;

import bj.gouv.masm.shared.FormInput;
import bj.gouv.masm.shared.FormInputException;

/**
 * A start or task completion refused on the server, with a French message a clerk understands. It is a
 * ProcessEngineException (the engine rolls back: the task stays open, nothing is changed) and, being a
 * form validation exception, Camunda's REST API answers it with 400 and Tasklist shows its message.
 */
public class LifecycleInputException extends FormInputException {

    /** The feature's form reader (shared.FormInput): refuses with this exception. */
    public static final FormInput FORM = new FormInput(LifecycleInputException::new);


    public LifecycleInputException(String field, String message) {
        super(field, message);
    }
}
