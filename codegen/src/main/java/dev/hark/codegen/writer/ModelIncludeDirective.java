package dev.hark.codegen.writer;

import freemarker.core.Environment;
import freemarker.ext.util.WrapperTemplateModel;
import freemarker.template.Template;
import freemarker.template.TemplateDirectiveBody;
import freemarker.template.TemplateDirectiveModel;
import freemarker.template.TemplateException;
import freemarker.template.TemplateModel;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code <@includeModel object=element/>}: renders a child {@link ModelElement} with its own template, in place.
 * Any further parameters travel to the child template as the hash {@code ext} (for example
 * {@code <@includeModel object=call indent="    "/>}).
 */
final class ModelIncludeDirective implements TemplateDirectiveModel {
    @Override
    @SuppressWarnings("rawtypes")
    public void execute(Environment env, Map params, TemplateModel[] loopVars, TemplateDirectiveBody body)
            throws TemplateException, IOException {
        Object object = params.get("object");
        if (!(object instanceof WrapperTemplateModel wrapper)
                || !(wrapper.getWrappedObject() instanceof ModelElement element)) {
            throw new TemplateException("includeModel needs object=<a ModelElement>, got " + object, env);
        }
        Map<String, Object> ext = new HashMap<>();
        for (Object key : params.keySet()) {
            if (!"object".equals(key)) {
                ext.put((String) key, params.get(key));
            }
        }
        Map<String, Object> dataModel = new HashMap<>();
        dataModel.put("model", element);
        dataModel.put("ext", ext);
        Template template = env.getConfiguration().getTemplate(element.templateName());
        template.process(dataModel, env.getOut());
    }
}
