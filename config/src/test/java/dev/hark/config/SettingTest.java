package dev.hark.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hark.testing.Fast;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.Set;
import org.junit.jupiter.api.Test;

@Fast
class SettingTest {
    @Test
    void everySettingsNamesFollowTheRuleAndAreUnique() {
        Set<String> options = new HashSet<>();
        Set<String> parameters = new HashSet<>();
        for (Setting setting : Setting.values()) {
            assertEquals(setting.longOption(), SettingNames.longOption(setting.parameter()), setting.name());
            assertEquals("hark." + setting.parameter(), setting.property());
            for (String name : setting.cliNames()) {
                assertTrue(options.add(name), "two settings are called " + name);
            }
            assertTrue(parameters.add(setting.parameter()), "two settings are called " + setting.parameter());
        }
    }

    @Test
    void everySettingIsTakenByACommandAndAGoalOfTheFrontEnds() {
        Set<String> commands = new HashSet<>(FrontEnds.TWINS.keySet());
        commands.addAll(FrontEnds.COMMANDS_WITHOUT_GOAL.keySet());
        Set<String> goals = new HashSet<>(FrontEnds.TWINS.values());
        goals.addAll(FrontEnds.GOALS_WITHOUT_COMMAND.keySet());
        for (Setting setting : Setting.values()) {
            assertFalse(setting.commands().isEmpty() || setting.goals().isEmpty(), setting.name() + " is not shared");
            assertTrue(commands.containsAll(setting.commands()), setting.name() + ": " + setting.commands());
            assertTrue(goals.containsAll(setting.goals()), setting.name() + ": " + setting.goals());
        }
        assertTrue(Arrays.stream(Setting.values()).noneMatch(s -> FrontEnds.PLUGIN_ONLY.containsKey(s.parameter())));
        assertTrue(Arrays.stream(Setting.values()).noneMatch(s -> FrontEnds.CLI_ONLY.containsKey(s.longOption())));
    }

    @Test
    void theCommandLineDescriptionsAreKeyedByCommandAndLongNameWithoutDashes() {
        ResourceBundle descriptions = Setting.cliDescriptions("hark");
        assertEquals("The arena planner: GREEDY or LINEAR. Default: ${DEFAULT-VALUE}.",
                descriptions.getString("hark.generate.planner"));
        assertEquals(Setting.NO_COMMENTS.description(), descriptions.getString("hark.generate.no-comments"));
        assertEquals(Setting.TARGETS.cliDescription(), descriptions.getString("hark.demo.targets"));
        assertEquals(Arrays.stream(Setting.values()).mapToInt(s -> s.commands().size()).sum(),
                descriptions.keySet().size());
    }

    @Test
    void aDefaultIsTheSettingsOnlyInTheCommandsThatTakeIt() {
        assertEquals(Optional.of("GREEDY"), Setting.cliDefault("generate", "--planner"));
        assertEquals(Optional.empty(), Setting.cliDefault("quantize", "--planner"));
        assertEquals(Optional.empty(), Setting.cliDefault("generate", "--epochs"));
        assertEquals(Optional.empty(), Setting.cliDefault("generate", "--model"));
    }

    @Test
    void theReadmeShowsTheSettingsTable() throws IOException {
        Path readme = Path.of(System.getProperty("hark.docs.dir")).resolveSibling("README.md");
        String text = Files.readString(readme);
        assertTrue(text.contains(Setting.markdownTable()), readme + " does not hold the settings table; it is:\n"
                + Setting.markdownTable());
    }
}
