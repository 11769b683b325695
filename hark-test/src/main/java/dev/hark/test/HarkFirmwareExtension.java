package dev.hark.test;

import dev.hark.firmware.KernelLibrary;
import dev.hark.firmware.run.Target;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The extension behind {@link HarkFirmware}: resolves {@link Firmware} and {@link HarkModel} parameters of the
 * annotated class's tests (and its constructor and lifecycle methods, and those of its nested classes). The model is
 * read and the {@link Firmware} made once per annotated class, kept in the root extension store for the rest of the
 * run, so every test of the class shares one build.
 */
public final class HarkFirmwareExtension implements ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(HarkFirmwareExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == Firmware.class || type == HarkModel.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Firmware firmware = firmware(context);
        return parameter.getParameter().getType() == HarkModel.class ? firmware.model() : firmware;
    }

    /** The annotated class's firmware, made on the first request. */
    private static Firmware firmware(ExtensionContext context) {
        Class<?> testClass = context.getRequiredTestClass();
        Class<?> annotated = annotatedClass(testClass).orElseThrow(() -> new ExtensionConfigurationException(
                HarkFirmwareExtension.class.getSimpleName() + " on " + testClass.getName() + " needs @"
                        + HarkFirmware.class.getSimpleName() + "(model = ...) on the class"));
        HarkFirmware settings = AnnotationSupport.findAnnotation(annotated, HarkFirmware.class).orElseThrow();
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(annotated, c -> create(annotated,
                settings), Firmware.class);
    }

    /** The firmware {@code settings} describe for {@code testClass}; a bad setting fails naming it. */
    static Firmware create(Class<?> testClass, HarkFirmware settings) {
        String where = "@" + HarkFirmware.class.getSimpleName() + " on " + testClass.getName();
        HarkModel model;
        try {
            model = HarkModel.load(Path.of(settings.model()));
        } catch (IOException e) {
            throw new ParameterResolutionException(where + ": model = \"" + settings.model() + "\": "
                    + e.getMessage() + " (relative to " + Path.of("").toAbsolutePath() + ")", e);
        }
        KernelLibrary kernels;
        try {
            kernels = KernelLibrary.of(settings.cmsisNn().isEmpty() ? null : Path.of(settings.cmsisNn()));
        } catch (IllegalArgumentException e) {
            throw new ParameterResolutionException(where + ": cmsisNn = \"" + settings.cmsisNn() + "\": "
                    + e.getMessage(), e);
        }
        Target target;
        try {
            target = Target.named(settings.target());
        } catch (IllegalArgumentException e) {
            throw new ParameterResolutionException(where + ": target = \"" + settings.target() + "\": "
                    + e.getMessage(), e);
        }
        Path directory = Path.of(settings.workDirectory()).resolve(testClass.getName()).resolve(target.makeName());
        return new Firmware(model, target, kernels, directory, settings.missingTool());
    }

    /** The class, or for a nested class the nearest enclosing class, that carries the annotation. */
    private static Optional<Class<?>> annotatedClass(Class<?> testClass) {
        for (Class<?> c = testClass; c != null; c = c.getEnclosingClass()) {
            if (AnnotationSupport.isAnnotated(c, HarkFirmware.class)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
