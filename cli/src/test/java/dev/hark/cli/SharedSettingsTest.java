package dev.hark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hark.config.FrontEnds;
import dev.hark.config.Setting;
import dev.hark.config.SettingNames;
import dev.hark.testing.Fast;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The command line and the Maven plugin take the same settings: the {@code hark} command as picocli sees it, the
 * plugin as Maven sees it (the descriptor {@code META-INF/maven/plugin.xml} of the hark-maven-plugin jar, generated
 * from the goals' annotations and Javadoc), and the one definition of the settings, {@link Setting}, with the
 * naming rule of {@link SettingNames} and the documented differences of {@link FrontEnds}.
 */
@Fast
class SharedSettingsTest {
    /** A goal's parameter as the descriptor gives it. */
    record Parameter(String description, String expression, String defaultValue) {
    }

    private static final CommandLine HARK = Hark.commandLine();
    /** Command name to its options (help, version and the global --verbose left out), by long name. */
    private static final Map<String, Map<String, OptionSpec>> COMMANDS = new TreeMap<>();
    /** Goal to its parameters, by name. */
    private static final Map<String, Map<String, Parameter>> GOALS = new TreeMap<>();
    /** The plugin's run-time dependencies, as groupId:artifactId. */
    private static final List<String> PLUGIN_DEPENDENCIES = new ArrayList<>();

    @BeforeAll
    static void readBothFrontEnds() throws Exception {
        HARK.getSubcommands().forEach((name, command) -> {
            if (!name.equals("help")) {
                Map<String, OptionSpec> options = new TreeMap<>();
                for (OptionSpec option : command.getCommandSpec().options()) {
                    if (!option.usageHelp() && !option.versionHelp() && !option.inherited()) {
                        options.put(option.longestName(), option);
                    }
                }
                COMMANDS.put(name, options);
            }
        });
        Document descriptor = pluginDescriptor();
        NodeList mojos = descriptor.getElementsByTagName("mojo");
        for (int i = 0; i < mojos.getLength(); i++) {
            Element mojo = (Element) mojos.item(i);
            Map<String, Parameter> parameters = new TreeMap<>();
            Element configuration = child(mojo, "configuration").orElseThrow();
            for (Element parameter : children(child(mojo, "parameters").orElseThrow(), "parameter")) {
                String name = text(parameter, "name");
                Optional<Element> configured = child(configuration, name);
                parameters.put(name, new Parameter(text(parameter, "description"),
                        configured.map(Element::getTextContent).orElse(null),
                        configured.map(c -> c.getAttribute("default-value")).filter(d -> !d.isEmpty()).orElse(null)));
            }
            GOALS.put(text(mojo, "goal"), parameters);
        }
        for (Element dependency : children(child(descriptor.getDocumentElement(), "dependencies").orElseThrow(),
                "dependency")) {
            PLUGIN_DEPENDENCIES.add(text(dependency, "groupId") + ":" + text(dependency, "artifactId"));
        }
    }

    /** The plugin runs without the trainer: no DJL, no PyTorch, none of the modules that bring them. */
    @Test
    void thePluginLeavesTheTrainerOut() {
        assertTrue(PLUGIN_DEPENDENCIES.contains("dev.hark:hark-codegen"), PLUGIN_DEPENDENCIES::toString);
        for (String dependency : PLUGIN_DEPENDENCIES) {
            assertTrue(!dependency.startsWith("ai.djl") && !dependency.equals("dev.hark:hark-trainer-train")
                    && !dependency.equals("dev.hark:hark-pipeline"), dependency);
        }
    }

    @Test
    void bothFrontEndsWereRead() {
        assertTrue(COMMANDS.keySet().containsAll(List.of("generate", "verify", "quantize")), COMMANDS::toString);
        assertTrue(GOALS.keySet().containsAll(List.of("generate", "size", "flash")), GOALS::toString);
    }

    @Test
    void everyCommandAndEveryGoalIsATwinOrSaysWhyNot() {
        List<String> commands = new ArrayList<>(FrontEnds.TWINS.stream().map(FrontEnds.Twin::command).toList());
        commands.addAll(FrontEnds.COMMANDS_WITHOUT_GOAL.keySet());
        assertEquals(new TreeSet<>(COMMANDS.keySet()), new TreeSet<>(commands));
        assertEquals(commands.size(), new TreeSet<>(commands).size(), "a command is both a twin and without goal");
        List<String> goals = new ArrayList<>(FrontEnds.TWINS.stream().map(FrontEnds.Twin::goal).toList());
        goals.addAll(FrontEnds.GOALS_WITHOUT_COMMAND.keySet());
        assertEquals(new TreeSet<>(GOALS.keySet()), new TreeSet<>(goals));
        assertEquals(goals.size(), new TreeSet<>(goals).size(), "a goal is both a twin and without command");
    }

    /** The check the shared definition exists for: a command and its goal differ only where FrontEnds says. */
    @Test
    void twinsTakeTheSameSettings() {
        for (FrontEnds.Twin twin : FrontEnds.TWINS) {
            List<String> optionsAsParameters = COMMANDS.get(twin.command()).keySet().stream()
                    .filter(option -> !twin.cliOnly().containsKey(option))
                    .map(SettingNames::parameter).sorted().toList();
            List<String> parameters = GOALS.get(twin.goal()).keySet().stream()
                    .filter(parameter -> !twin.pluginOnly().containsKey(parameter)).sorted().toList();
            assertEquals(parameters, optionsAsParameters, "hark " + twin.command() + " (options as parameter names"
                    + " by SettingNames) and hark:" + twin.goal() + " (parameters)");
            for (String option : twin.cliOnly().keySet()) {
                assertTrue(COMMANDS.get(twin.command()).containsKey(option), twin + ": no option " + option);
            }
            for (String parameter : twin.pluginOnly().keySet()) {
                assertTrue(GOALS.get(twin.goal()).containsKey(parameter), twin + ": no parameter " + parameter);
            }
        }
    }

    @Test
    void everyOptionOfATwinAndEveryParameterIsASettingOrSaysWhyNot() {
        for (FrontEnds.Twin twin : FrontEnds.TWINS) {
            for (String option : COMMANDS.get(twin.command()).keySet()) {
                assertTrue(Setting.ofLongOption(option).isPresent() || twin.cliOnly().containsKey(option),
                        "hark " + twin.command() + " " + option + " is neither a Setting nor one-sided in " + twin);
            }
        }
        GOALS.forEach((goal, parameters) -> parameters.keySet().forEach(parameter ->
                assertTrue(Setting.ofParameter(parameter).isPresent() || FrontEnds.PLUGIN_ONLY.containsKey(parameter),
                        "hark:" + goal + " " + parameter + " is neither a Setting nor in FrontEnds.PLUGIN_ONLY")));
    }

    @Test
    void eachSettingIsTakenExactlyWhereItsDefinitionSays() {
        for (Setting setting : Setting.values()) {
            List<String> commands = COMMANDS.entrySet().stream()
                    .filter(c -> c.getValue().containsKey(setting.longOption()))
                    .map(Map.Entry::getKey)
                    .filter(c -> !FrontEnds.SAME_NAME_OTHER_MEANING.containsKey(c + " " + setting.longOption()))
                    .toList();
            assertEquals(sorted(setting.commands()), commands, setting + ": the commands that take "
                    + setting.longOption());
            List<String> goals = GOALS.entrySet().stream()
                    .filter(g -> g.getValue().containsKey(setting.parameter())).map(Map.Entry::getKey)
                    .filter(g -> !FrontEnds.SAME_NAME_OTHER_MEANING_IN_GOALS.containsKey(g + " "
                            + setting.parameter()))
                    .toList();
            assertEquals(sorted(setting.goals()), goals, setting + ": the goals that take " + setting.parameter());
        }
    }

    @Test
    void theCommandLineTakesNamesDescriptionsAndDefaultsFromTheDefinition() {
        for (Setting setting : Setting.values()) {
            for (String command : setting.commands()) {
                OptionSpec option = COMMANDS.get(command).get(setting.longOption());
                String where = "hark " + command + " " + setting.longOption();
                assertEquals(setting.cliNames(), List.of(option.names()), where);
                assertNull(option.defaultValue(), where + " declares its own default; Setting has it");
                assertEquals(setting.cliDefault().orElse(null), defaultOf(command, option), where);
                assertEquals(List.of(setting.cliDescription().replace("${DEFAULT-VALUE}",
                        setting.cliDefault().orElse(""))), List.of(option.description()), where);
            }
        }
        OptionSpec qatOut = COMMANDS.get("qat").get("--out");
        assertTrue(qatOut.description()[0].startsWith("Model file to write"), "a same-named option of another"
                + " meaning keeps its description: " + List.of(qatOut.description()));
    }

    @Test
    void thePluginTakesDescriptionsDefaultsAndPropertiesFromTheDefinition() {
        for (Setting setting : Setting.values()) {
            for (String goal : setting.goals()) {
                Parameter parameter = GOALS.get(goal).get(setting.parameter());
                String where = "hark:" + goal + " " + setting.parameter();
                assertEquals(setting.description(), normalized(parameter.description()), where
                        + ": its Javadoc must be the Setting's description");
                assertEquals(setting.pluginDefault().orElse(null), parameter.defaultValue(), where);
                assertEquals("${" + setting.property() + "}", parameter.expression(), where);
            }
        }
    }

    @Test
    void everyPluginParameterHasItsNamespacedUserProperty() {
        GOALS.forEach((goal, parameters) -> parameters.forEach((name, parameter) ->
                assertEquals("${" + SettingNames.property(name) + "}", parameter.expression(), "hark:" + goal + " "
                        + name)));
    }

    /** The default the command's default provider gives the option. */
    private static String defaultOf(String command, OptionSpec option) {
        try {
            return HARK.getSubcommands().get(command).getDefaultValueProvider().defaultValue(option);
        } catch (Exception e) {
            throw new AssertionError(option.longestName(), e);
        }
    }

    private static List<String> sorted(List<String> names) {
        List<String> copy = new ArrayList<>(names);
        Collections.sort(copy);
        return copy;
    }

    private static String normalized(String description) {
        return description.strip().replaceAll("\\s+", " ");
    }

    /** The descriptor of the hark-maven-plugin jar on the class path. */
    private static Document pluginDescriptor() throws Exception {
        Map<URL, Document> found = new LinkedHashMap<>();
        for (URL url : Collections.list(SharedSettingsTest.class.getClassLoader()
                .getResources("META-INF/maven/plugin.xml"))) {
            try (InputStream in = url.openStream()) {
                Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in);
                if ("hark-maven-plugin".equals(text(document.getDocumentElement(), "artifactId"))) {
                    found.put(url, document);
                }
            } catch (IOException e) {
                throw new IOException(url + ": " + e.getMessage(), e);
            }
        }
        assertEquals(1, found.size(), "hark-maven-plugin's descriptors on the class path: " + found.keySet());
        return found.values().iterator().next();
    }

    private static String text(Element parent, String name) {
        return child(parent, name).map(Element::getTextContent).orElseThrow(() -> new AssertionError(
                "plugin.xml: <" + parent.getTagName() + "> has no <" + name + ">"));
    }

    private static Optional<Element> child(Element parent, String name) {
        return children(parent, name).stream().findFirst();
    }

    private static List<Element> children(Element parent, String name) {
        List<Element> result = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals(name)) {
                result.add(element);
            }
        }
        return result;
    }
}
