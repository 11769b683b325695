package dev.hark.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.hark.testing.Fast;
import java.util.List;
import org.junit.jupiter.api.Test;

@Fast
class SettingNamesTest {
    @Test
    void dashedWordsBecomeCamelCase() {
        assertEquals("noComments", SettingNames.parameter("--no-comments"));
        assertEquals("model", SettingNames.parameter("--model"));
        assertEquals("--no-comments", SettingNames.longOption("noComments"));
        assertEquals("--model", SettingNames.longOption("model"));
        assertEquals("hark.noComments", SettingNames.property("noComments"));
    }

    @Test
    void theExceptionsGoBothWays() {
        assertEquals("outputDirectory", SettingNames.parameter("--out"));
        assertEquals("--out", SettingNames.longOption("outputDirectory"));
        SettingNames.EXCEPTIONS.forEach((option, parameter) -> {
            assertEquals(parameter, SettingNames.parameter(option));
            assertEquals(option, SettingNames.longOption(parameter));
        });
    }

    @Test
    void namesOutsideTheRuleAreRefused() {
        for (String option : List.of("-m", "--Model", "--no--comments", "--no-comments-", "model")) {
            assertThrows(IllegalArgumentException.class, () -> SettingNames.parameter(option), option);
        }
        for (String parameter : List.of("Model", "no-comments", "no_comments", "")) {
            assertThrows(IllegalArgumentException.class, () -> SettingNames.longOption(parameter), parameter);
        }
    }
}
