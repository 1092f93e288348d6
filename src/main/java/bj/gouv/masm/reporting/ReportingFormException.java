package bj.gouv.masm.reporting;

import bj.gouv.masm.shared.FormInput;
import bj.gouv.masm.shared.FormInputException;

/** Form data refused on the server: the French message is shown in Tasklist, the task stays open. */
public class ReportingFormException extends FormInputException {

    /** The feature's form reader (shared.FormInput): refuses with this exception. */
    public static final FormInput FORM = new FormInput((field, message) -> new ReportingFormException(message));


    public ReportingFormException(String message) {
        super(message);
    }
}
