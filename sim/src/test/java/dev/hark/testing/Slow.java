package dev.hark.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * Test group {@code slow}: trains a DJL model, builds C with a compiler, runs other programs, or otherwise takes
 * several seconds. {@code mvn -B -ntp verify -Dgroups=slow} runs this group alone.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Tag(TestGroups.SLOW)
public @interface Slow {
}
