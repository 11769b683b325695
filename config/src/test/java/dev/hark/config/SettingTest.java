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
        Set<String> commands = new HashSet<>(FrontEnds.COMMANDS_WITHOUT_GOAL.keySet());
        Set<String> goals = new HashSet<>(FrontEnds.GOALS_WITHOUT_COMMAND.keySet());
        FrontEnds.TWINS.forEach(twin -> {
            commands.add(twin.command());
            goals.add(twin.goal());
        });
        for (Setting setting : Setting.values()) {
            assertFalse(setting.commands().isEmpty() || setting.goals().isEmpty(), setting.name() + " is not shared");
            assertTrue(commands.containsAll(setting.commands()), setting.name() + ": " + setting.commands());
            assertTrue(goals.containsAll(setting.goals()), setting.name() + ": " + setting.goals());
            assertFalse(FrontEnds.PLUGIN_ONLY.containsKey(setting.parameter()), setting.name());
        }
    }

    @Test
    void aTwinsOneSidedNamesAreNotSettingsBothOfItsSidesTake() {
        for (FrontEnds.Twin twin : FrontEnds.TWINS) {
            for (Setting setting : Setting.values()) {
                boolean both = setting.commands().contains(twin.command()) && setting.goals().contains(twin.goal());
                assertFalse(both && (twin.cliOnly().containsKey(setting.longOption())
                        || twin.pluginOnly().containsKey(setting.parameter())), twin + ": " + setting);
            }
        }
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
