package bj.gouv.masm.security;

import org.camunda.bpm.engine.BadUserRequestException;

/** A deployment refused by the deployment guard: Camunda's REST API answers it with 400 and this French message. */
public class ModelRefusedException extends BadUserRequestException {

    public ModelRefusedException(String message) {
        super(message);
    }
}
