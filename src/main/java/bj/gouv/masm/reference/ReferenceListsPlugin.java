package bj.gouv.masm.reference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import lombok.RequiredArgsConstructor;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Issue 11 item 12: every user task with a Camunda Form gets, when it is created, the reference lists
 * its form reads through {@code valuesKey} ({@link ReferenceFormLists#KEYS}) as task-local Json variables
 * read from the tables, so the models need no listener for it. The form is looked up in the task's own
 * deployment (formRefBinding="deployment"); the valuesKeys of a deployment's forms are read once.
 */
@Component
@RequiredArgsConstructor
public class ReferenceListsPlugin implements ProcessEnginePlugin {

    private final ObjectProvider<ReferenceFormLists> lists;
    private final ObjectMapper json = new ObjectMapper();
    /** deployment id → form id → the reference valuesKeys the form uses. */
    private final Map<String, Map<String, Set<String>>> formKeys = new ConcurrentHashMap<>();

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<BpmnParseListener> listeners = configuration.getCustomPreBPMNParseListeners() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreBPMNParseListeners());
        listeners.add(new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element userTask, ScopeImpl scope, ActivityImpl activity) {
                String formRef = userTask.attributeNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "formRef");
                if (formRef != null && !formRef.isBlank() && !formRef.contains("$")
                        && activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
                    behavior.getTaskDefinition().addTaskListener(TaskListener.EVENTNAME_CREATE,
                            task -> fill(task, formRef));
                }
            }
        });
        configuration.setCustomPreBPMNParseListeners(listeners);
    }

    private void fill(DelegateTask task, String formRef) {
        if (!(task.getExecution() instanceof ExecutionEntity execution)) {
            return;
        }
        String deploymentId = execution.getProcessDefinition().getDeploymentId();
        Set<String> keys = formKeys.computeIfAbsent(deploymentId, this::readForms).getOrDefault(formRef, Set.of());
        ReferenceFormLists source = lists.getObject();
        for (String key : keys) {
            task.setVariableLocal(key, SpinValues.jsonValue(toJson(source.options(key))).create());
        }
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, Set<String>> readForms(String deploymentId) {
        Map<String, Set<String>> byForm = new ConcurrentHashMap<>();
        List<ResourceEntity> resources = Context.getCommandContext().getResourceManager()
                .findResourcesByDeploymentId(deploymentId);
        for (ResourceEntity resource : resources) {
            if (resource.getName() == null || !resource.getName().endsWith(".form") || resource.getBytes() == null) {
                continue;
            }
            try {
                JsonNode form = json.readTree(resource.getBytes());
                byForm.put(form.path("id").asText(), referenceKeys(form));
            } catch (IOException e) {
                // not a readable form: the deployment guard reports it, the task simply gets no lists
            }
        }
        return byForm;
    }

    /** The valuesKeys of a form (fields at any depth, dynamic lists included) that name a reference list. */
    public static Set<String> referenceKeys(JsonNode form) {
        Set<String> keys = new TreeSet<>();
        collect(form.path("components"), keys);
        return keys;
    }

    private static void collect(JsonNode components, Set<String> keys) {
        for (JsonNode c : components) {
            String valuesKey = c.path("valuesKey").asText("");
            if (ReferenceFormLists.KEYS.contains(valuesKey)) {
                keys.add(valuesKey);
            }
            collect(c.path("components"), keys);
        }
    }

    @Override
    public void postInit(ProcessEngineConfigurationImpl configuration) {
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine processEngine) {
    }
}
