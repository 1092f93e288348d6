package bj.gouv.masm.reviews;

import org.camunda.bpm.engine.ProcessEngineException;

/** Form data refused on the server: the French message shows in Tasklist, the task stays open. */
public class ReviewFormException extends ProcessEngineException {

    public ReviewFormException(String message) {
        super(message);
    }
}
