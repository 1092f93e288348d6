package bj.gouv.masm.security;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.CamundaFormDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.ResourceTypes;

/**
 * Runs before Camunda's own deployers on every new deployment (Camunda Modeler over /engine-rest,
 * the Java API, the start-up deployment): refuses the whole deployment with a French message when
 * {@link ModelGuard} finds anything (nothing is deployed, REST answers 400), and records who deployed
 * what in the audit trail.
 *
 * <p>A form referenced with binding {@code deployment} and absent from the deployment (Camunda Modeler's
 * "deploy changed only" leaves unchanged forms out) is carried over from its latest deployed version, so
 * the new version's tasks find their form; a form deployed nowhere refuses the deployment with its id.
 */
@RequiredArgsConstructor
public class ModelDeploymentGuard implements Deployer {

    private final ModelGuard guard;
    private final DeploymentAudit audit;

    @Override
    public void deploy(DeploymentEntity deployment) {
        if (!deployment.isNew()) {
            return; // a deployment read back into the cache was checked when it was made
        }
        Map<String, byte[]> contents = new LinkedHashMap<>();
        deployment.getResources().values().forEach(r -> contents.put(r.getName(), r.getBytes()));
        ModelGuard.Report report = guard.inspect(contents);
        List<ModelGuard.Problem> problems = new ArrayList<>(report.problems());
        Set<String> available = new HashSet<>(report.formIds());
        List<String> carried = new ArrayList<>();
        for (ModelGuard.FormReference reference : report.formReferences()) {
            if (!available.contains(reference.formId()) && carryOver(deployment, reference.formId())) {
                available.add(reference.formId());
                carried.add(reference.formId());
            }
        }
        problems.addAll(ModelGuard.missingForms(report, available));
        if (!problems.isEmpty()) {
            throw new ModelRefusedException(ModelGuard.refusal(problems));
        }
        audit.deployed(deployment.getId(), "nom : " + deployment.getName() + " ; source : " + deployment.getSource()
                + " ; fichiers : " + String.join(", ", contents.keySet())
                + (carried.isEmpty() ? "" : " ; formulaires repris du dernier déploiement : " + String.join(", ", carried)));
    }

    private static boolean carryOver(DeploymentEntity deployment, String formId) {
        CommandContext commandContext = Context.getCommandContext();
        if (commandContext == null) {
            return false;
        }
        CamundaFormDefinitionEntity latest = commandContext.getCamundaFormDefinitionManager()
                .findLatestDefinitionByKeyAndTenantId(formId, deployment.getTenantId());
        if (latest == null) {
            return false;
        }
        ResourceEntity source = commandContext.getResourceManager()
                .findResourceByDeploymentIdAndResourceName(latest.getDeploymentId(), latest.getResourceName());
        if (source == null || deployment.getResource(source.getName()) != null) {
            return false;
        }
        ResourceEntity copy = new ResourceEntity();
        copy.setName(source.getName());
        copy.setBytes(source.getBytes());
        copy.setDeploymentId(deployment.getId());
        copy.setTenantId(deployment.getTenantId());
        copy.setType(ResourceTypes.REPOSITORY.getValue());
        copy.setCreateTime(ClockUtil.getCurrentTime());
        commandContext.getResourceManager().insertResource(copy);
        deployment.addResource(copy);
        return true;
    }
}
