package dev.hark.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * Test group {@code fast}: plain Java, done in about a second, needs nothing but the JDK and the build's
 * dependencies. {@code mvn -B -ntp verify -Dgroups=fast} runs this group alone.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Tag(TestGroups.FAST)
public @interface Fast {
}
