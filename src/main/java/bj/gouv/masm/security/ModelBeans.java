package bj.gouv.masm.security;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;

/**
 * The Spring beans a BPMN/DMN model may name: every bean whose class lives in a
 * {@code bj.gouv.masm.<feature>.process} package (delegates, listeners, expression helpers such as
 * {@code reportingPeriods}), plus the names an administrator adds in {@code masm.models.extra-beans}.
 * The engine's expressions resolve only these ({@link #asExpressionBeans()}), and the deployment guard
 * refuses a model naming any other bean.
 */
@Component
public class ModelBeans implements ModelGuard.BeanCatalogue {

    public static final String EXTRA_BEANS_PROPERTY = "masm.models.extra-beans";
    /** {@code bj.gouv.masm.conventions.process}, {@code bj.gouv.masm.reporting.regularisation.process}... */
    static final Pattern PROCESS_PACKAGE = Pattern.compile("^bj\\.gouv\\.masm\\.(?:[a-z0-9_]+\\.)+process$");

    private static final Logger log = LoggerFactory.getLogger(ModelBeans.class);

    private final ApplicationContext context;
    private final List<String> extraBeans;
    private volatile Set<String> allowed;

    public ModelBeans(ApplicationContext context, @Value("${" + EXTRA_BEANS_PROPERTY + ":}") List<String> extraBeans) {
        this.context = context;
        this.extraBeans = extraBeans == null ? List.of() : extraBeans.stream().map(String::trim)
                .filter(s -> !s.isEmpty()).toList();
    }

    @Override
    public Set<String> allowedBeans() {
        Set<String> result = allowed;
        if (result == null) {
            result = computeAllowed();
            allowed = result;
        }
        return result;
    }

    @Override
    public boolean isSpringBean(String name) {
        return context.containsBean(name);
    }

    private Set<String> computeAllowed() {
        Set<String> names = new TreeSet<>();
        for (String name : context.getBeanDefinitionNames()) {
            Class<?> type = context.getType(name, false);
            if (type != null && PROCESS_PACKAGE.matcher(ClassUtils.getUserClass(type).getPackageName()).matches()) {
                names.add(name);
            }
        }
        for (String extra : extraBeans) {
            if (context.containsBean(extra)) {
                names.add(extra);
            } else {
                log.warn("{}: no bean named '{}', ignored", EXTRA_BEANS_PROPERTY, extra);
            }
        }
        log.info("Beans models may use ({}): {}", names.size(), names);
        return Collections.unmodifiableSet(new LinkedHashSet<>(names));
    }

    /** The engine's {@code beans} map: only the allowed beans, looked up when an expression needs one. */
    public Map<Object, Object> asExpressionBeans() {
        return new AbstractMap<>() {
            @Override
            public boolean containsKey(Object key) {
                return key instanceof String name && allowedBeans().contains(name);
            }

            @Override
            public Object get(Object key) {
                return containsKey(key) ? context.getBean((String) key) : null;
            }

            @Override
            public Set<Entry<Object, Object>> entrySet() {
                return allowedBeans().stream()
                        .map(name -> (Entry<Object, Object>) new SimpleImmutableEntry<Object, Object>(name, context.getBean(name)))
                        .collect(Collectors.toCollection(LinkedHashSet::new));
            }
        };
    }
}
