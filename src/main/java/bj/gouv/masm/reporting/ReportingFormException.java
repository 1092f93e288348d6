package bj.gouv.masm.reporting;

import org.camunda.bpm.engine.ProcessEngineException;

/** Form data refused on the server: the French message is shown in Tasklist, the task stays open. */
public class ReportingFormException extends ProcessEngineException {

    public ReportingFormException(String message) {
        super(message);
    }
}
