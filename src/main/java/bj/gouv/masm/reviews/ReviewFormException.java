package bj.gouv.masm.reviews;

import bj.gouv.masm.shared.FormInputException;

/** Form data refused on the server: the French message shows in Tasklist, the task stays open. */
public class ReviewFormException extends FormInputException {

    public ReviewFormException(String message) {
        super(message);
    }
}
