package io.agentobs.claudecode.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;

/**
 * Marks a test class that holds on every supported Spring Boot line: it names Boot's classes
 * through {@link BootLine} only, so the compatibility modules ({@code compat/boot-*}) run it
 * from this module's test jar against their line's real auto-configurations. They select it
 * by its tag, {@value #TAG} ({@code <groups>boot-line</groups>} in Surefire and Failsafe).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Tag(BootLineNeutral.TAG)
public @interface BootLineNeutral {

	/** The JUnit tag the compatibility modules select. */
	String TAG = "boot-line";

}
