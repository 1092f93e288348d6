package bj.gouv.masm.reviews;

import bj.gouv.masm.shared.FormInput;
import bj.gouv.masm.shared.FormInputException;

/** Form data refused on the server: the French message shows in Tasklist, the task stays open. */
public class ReviewFormException extends FormInputException {

    /** The feature's form reader (shared.FormInput): refuses with this exception. */
    public static final FormInput FORM = new FormInput((field, message) -> new ReviewFormException(message));


    public ReviewFormException(String message) {
        super(message);
    }
}
