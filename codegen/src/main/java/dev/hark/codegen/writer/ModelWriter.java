package dev.hark.codegen.writer;

import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.StrongCacheStorage;
import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Renders {@link ModelElement}s to text. One FreeMarker {@link Configuration} serves the whole process: templates
 * come from the classpath, are parsed once and cached for good (they ship inside the jar, so checking them for
 * updates would only cost time), and {@code includeModel} is registered as a shared variable.
 *
 * <p>Rendering is deterministic: no dates, no locale-dependent number formats ({@code number_format} is
 * {@code computer}), and Unix line ends whatever the platform.
 */
public final class ModelWriter {
    private static final Configuration CONFIGURATION = createConfiguration();

    /**
     * Renders {@code element} with its template.
     *
     * @throws IllegalStateException if a template is missing or fails; that is a bug in hark, not bad input
     */
    public String render(ModelElement element) {
        try {
            Template template = CONFIGURATION.getTemplate(element.templateName());
            StringWriter out = new StringWriter();
            template.process(Map.of("model", element, "ext", Map.of()), out);
            return out.toString().replace("\r\n", "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load template " + element.templateName(), e);
        } catch (TemplateException e) {
            throw new IllegalStateException("template " + element.templateName() + " failed: " + e.getMessage(), e);
        }
    }

    private static Configuration createConfiguration() {
        Configuration configuration = new Configuration(Configuration.VERSION_2_3_33);
        configuration.setTemplateLoader(new ClassTemplateLoader(ModelWriter.class.getClassLoader(), ""));
        configuration.setCacheStorage(new StrongCacheStorage());
        configuration.setTemplateUpdateDelayMilliseconds(Long.MAX_VALUE);
        configuration.setLocalizedLookup(false);
        configuration.setDefaultEncoding("UTF-8");
        configuration.setNumberFormat("computer");
        configuration.setBooleanFormat("c");
        configuration.setLocale(java.util.Locale.ROOT);
        configuration.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        configuration.setLogTemplateExceptions(false);
        configuration.setWrapUncheckedExceptions(true);
        configuration.setFallbackOnNullLoopVariable(false);
        configuration.setObjectWrapper(new DefaultObjectWrapperBuilder(Configuration.VERSION_2_3_33).build());
        configuration.setSharedVariable("includeModel", new ModelIncludeDirective());
        return configuration;
    }
}
