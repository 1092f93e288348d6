package bj.gouv.masm.reporting;

import bj.gouv.masm.shared.FormInputException;

/** Form data refused on the server: the French message is shown in Tasklist, the task stays open. */
public class ReportingFormException extends FormInputException {

    public ReportingFormException(String message) {
        super(message);
    }
}
