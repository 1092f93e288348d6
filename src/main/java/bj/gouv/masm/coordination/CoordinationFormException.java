package bj.gouv.masm.coordination;

import bj.gouv.masm.shared.FormInput;
import bj.gouv.masm.shared.FormInputException;

/** A coordination form refused with a French message (the task stays open). */
public class CoordinationFormException extends FormInputException {

    /** The feature's form reader (shared.FormInput): refuses with this exception. */
    public static final FormInput FORM = new FormInput((field, message) -> new CoordinationFormException(message));


    public CoordinationFormException(String message) {
        super(message);
    }
}
