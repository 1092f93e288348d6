package bj.gouv.masm.dashboard;

import java.util.Map;

/** French names of the lifecycle stages, used when the engine has no task of a stage yet. */
final class StageNames {

    private static final Map<String, String> NAMES = Map.of(
            "Task_CheckDossier", "Vérifier le dossier (CPS)",
            "Task_ReceiveMissingDocuments", "Recevoir les pièces manquantes",
            "Task_ReviewDossier", "Examiner le dossier (DPAF)",
            "Task_SignConvention", "Signer la convention (SGM)",
            "Task_EvaluateMidTerm", "Évaluation à mi-parcours",
            "Task_EvaluateFinal", "Évaluation finale");

    private StageNames() {
    }

    static String of(String key) {
        return NAMES.getOrDefault(key, key);
    }
}
