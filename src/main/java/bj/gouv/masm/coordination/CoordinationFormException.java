package bj.gouv.masm.coordination;

import bj.gouv.masm.shared.FormInputException;

/** A coordination form refused with a French message (the task stays open). */
public class CoordinationFormException extends FormInputException {

    public CoordinationFormException(String message) {
        super(message);
    }
}
