package dev.hark.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * Test group {@code qemu}: runs firmware built with the Arm toolchain under {@code qemu-system-arm}.
 * {@code mvn -B -ntp verify -Dgroups=qemu} runs this group alone.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Tag(TestGroups.QEMU)
public @interface Qemu {
}
