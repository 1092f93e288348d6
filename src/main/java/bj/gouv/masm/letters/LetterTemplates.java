package bj.gouv.masm.letters;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.thymeleaf.templateresolver.FileTemplateResolver;
import org.unbescape.html.HtmlEscape;

/**
 * The letters' and the convention's Thymeleaf templates: the files shipped under
 * {@code templates/letters/}, each replaceable by a file of the same name in {@code masm.letters.template-dir}
 * (an administrator edits French text without Java; no restart needed: templates from the directory are
 * not cached). The letter's subject is the template's {@code <title>}.
 */
@Component
public class LetterTemplates {

    private static final Pattern TITLE = Pattern.compile("<title>(.*?)</title>", Pattern.DOTALL);

    private final SpringTemplateEngine engine = new SpringTemplateEngine();

    public LetterTemplates(LetterSettings settings) {
        int order = 1;
        String dir = settings.getTemplateDir();
        if (dir != null && !dir.isBlank()) {
            FileTemplateResolver files = new FileTemplateResolver();
            files.setPrefix(dir.endsWith("/") ? dir : dir + "/");
            files.setSuffix(".html");
            files.setTemplateMode(TemplateMode.HTML);
            files.setCharacterEncoding(StandardCharsets.UTF_8.name());
            files.setCheckExistence(true);
            files.setCacheable(false);
            files.setOrder(order++);
            engine.addTemplateResolver(files);
        }
        ClassLoaderTemplateResolver shipped = new ClassLoaderTemplateResolver();
        shipped.setPrefix("templates/");
        shipped.setSuffix(".html");
        shipped.setTemplateMode(TemplateMode.HTML);
        shipped.setCharacterEncoding(StandardCharsets.UTF_8.name());
        shipped.setCheckExistence(true);
        shipped.setOrder(order);
        engine.addTemplateResolver(shipped);
    }

    /** A rendered letter: subject (from the template's title) and the whole XHTML document. */
    public record Rendered(String subject, String html) {
    }

    public Rendered render(String template, Map<String, Object> model) {
        Context context = new Context(java.util.Locale.FRENCH, model);
        String html = engine.process(template, context);
        Matcher title = TITLE.matcher(html);
        String subject = title.find() ? HtmlEscape.unescapeHtml(title.group(1)).replaceAll("\\s+", " ").trim() : template;
        return new Rendered(subject, html);
    }
}
