package dev.hark.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.platform.commons.annotation.Testable;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;

/**
 * The three test groups ({@link Fast}, {@link Slow}, {@link Qemu}) and the rule that keeps them honest: every
 * test is in exactly one group. A test in none would silently drop out of every {@code -Dgroups=...} run, and a
 * test in two would run in a group it does not belong to.
 */
public final class TestGroups {
    public static final String FAST = "fast";
    public static final String SLOW = "slow";
    public static final String QEMU = "qemu";
    public static final Set<String> ALL = Set.of(FAST, SLOW, QEMU);

    private TestGroups() {
    }

    /**
     * The tests compiled next to {@code anchor} (its class-path root, a module's {@code target/test-classes})
     * that are not in exactly one group, one line each; empty when all are.
     */
    public static List<String> testsNotInExactlyOneGroup(Class<?> anchor) {
        Path root = classPathRoot(anchor);
        List<String> problems = new ArrayList<>();
        for (String className : classNames(root)) {
            Class<?> type = load(className, anchor.getClassLoader());
            if (type.isInterface() || Modifier.isAbstract(type.getModifiers()) || type.isAnnotation()) {
                continue;
            }
            for (Method method : ReflectionSupport.findMethods(type,
                    m -> AnnotationSupport.isAnnotated(m, Testable.class), HierarchyTraversalMode.TOP_DOWN)) {
                Set<String> groups = groupsOf(type);
                groups.addAll(groups(AnnotationSupport.findRepeatableAnnotations(method, Tag.class)));
                if (groups.size() != 1) {
                    problems.add(type.getName() + "#" + method.getName() + ": groups " + groups
                            + ", needs exactly one of @Fast, @Slow, @Qemu");
                }
            }
        }
        return problems;
    }

    /** Groups of a class, with those of the classes around a {@link Nested} one. */
    private static Set<String> groupsOf(Class<?> type) {
        Set<String> groups = groups(AnnotationSupport.findRepeatableAnnotations(type, Tag.class));
        if (type.getEnclosingClass() != null && AnnotationSupport.isAnnotated(type, Nested.class)) {
            groups.addAll(groupsOf(type.getEnclosingClass()));
        }
        return groups;
    }

    private static Set<String> groups(List<Tag> tags) {
        Set<String> groups = new TreeSet<>();
        tags.stream().map(Tag::value).filter(ALL::contains).forEach(groups::add);
        return groups;
    }

    private static Path classPathRoot(Class<?> anchor) {
        try {
            return Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the classes of " + anchor.getName(), e);
        }
    }

    private static List<String> classNames(Path root) {
        if (!Files.isDirectory(root)) {
            throw new IllegalStateException(root + " is not a folder of compiled test classes");
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.map(root::relativize).map(Path::toString)
                    .filter(name -> name.endsWith(".class") && !name.endsWith("module-info.class"))
                    .map(name -> name.substring(0, name.length() - ".class".length())
                            .replace(root.getFileSystem().getSeparator(), "."))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Class<?> load(String name, ClassLoader loader) {
        try {
            return Class.forName(name, false, loader);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("cannot load " + name, e);
        }
    }
}
