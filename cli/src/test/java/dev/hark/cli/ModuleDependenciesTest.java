package dev.hark.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import dev.hark.codegen.CodeGenerator;
import dev.hark.config.Setting;
import dev.hark.firmware.FirmwareTemplate;
import dev.hark.pipeline.evaluate.EvaluateStage;
import dev.hark.pipeline.train.TrainStage;
import dev.hark.sim.model.QuantizedModel;
import dev.hark.test.Firmware;
import dev.hark.testing.Slow;
import dev.hark.trainer.features.FeatureSet;
import dev.hark.trainer.model.CrnnConfig;
import dev.hark.trainer.report.EvaluationReport;
import dev.hark.trainer.train.CrnnTrainer;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Maven modules' main code depends only downwards, and only trainer/train touches DJL. Several packages span
 * two modules (e.g. {@code dev.hark.trainer.model}: the network description in trainer/quant, the DJL blocks in
 * trainer/train), so a module is not a set of packages here but the classes in its jar (or classes folder), found
 * from one class it holds. The CLI's test class path is the one that sees every module.
 */
@Slow
class ModuleDependenciesTest {

    /** Each module with a class it holds and the modules its code may use. */
    enum Module {
        SIM(QuantizedModel.class),
        CONFIG(Setting.class),
        FIRMWARE_TEMPLATE(FirmwareTemplate.class, SIM),
        CODEGEN(CodeGenerator.class, SIM),
        TRAINER_DATA(FeatureSet.class, SIM),
        TRAINER_QUANT(CrnnConfig.class, SIM),
        TRAINER_EVAL_REPORT(EvaluationReport.class, SIM, TRAINER_DATA, TRAINER_QUANT),
        TRAINER_TRAIN(CrnnTrainer.class, SIM, TRAINER_DATA, TRAINER_QUANT, TRAINER_EVAL_REPORT),
        /** The stages the Maven plugin runs too: they must not bring the trainer (DJL) with them. */
        PIPELINE_CORE(EvaluateStage.class, SIM, FIRMWARE_TEMPLATE, CODEGEN, TRAINER_DATA, TRAINER_QUANT,
                TRAINER_EVAL_REPORT),
        PIPELINE(TrainStage.class, SIM, FIRMWARE_TEMPLATE, CODEGEN, TRAINER_DATA, TRAINER_QUANT,
                TRAINER_EVAL_REPORT, TRAINER_TRAIN, PIPELINE_CORE),
        CLI(Hark.class, SIM, CONFIG, FIRMWARE_TEMPLATE, CODEGEN, TRAINER_DATA, TRAINER_QUANT, TRAINER_EVAL_REPORT,
                TRAINER_TRAIN, PIPELINE_CORE, PIPELINE),
        /** The JUnit helper users' tests depend on: it must not bring the trainer (DJL) with it. */
        HARK_TEST(Firmware.class, SIM, FIRMWARE_TEMPLATE, CODEGEN, TRAINER_DATA);

        private final Class<?> member;
        private final Set<Module> mayUse;

        Module(Class<?> member, Module... mayUse) {
            this.member = member;
            this.mayUse = Set.of(mayUse); // not an EnumSet: the enum is not initialized yet
        }

        /** The module's directory name and artifact id without {@code hark-}, e.g. {@code trainer-quant}. */
        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        /** The jar or classes folder this module's classes are loaded from. */
        Location location() {
            try {
                URI root = member.getProtectionDomain().getCodeSource().getLocation().toURI();
                return Location.of(Files.isDirectory(Path.of(root)) ? root : URI.create("jar:" + root + "!/"));
            } catch (URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static final Map<String, Module> MODULE_OF_CLASS = new HashMap<>();
    private static JavaClasses classes;

    @BeforeAll
    static void importEveryModule() {
        Set<Location> locations = new LinkedHashSet<>();
        for (Module module : Module.values()) {
            Location location = module.location();
            locations.add(location);
            for (JavaClass c : new ClassFileImporter().importLocations(Set.of(location))) {
                Module previous = MODULE_OF_CLASS.put(c.getName(), module);
                if (previous != null) {
                    throw new IllegalStateException(c.getName() + " is in both " + previous + " and " + module);
                }
            }
        }
        classes = new ClassFileImporter().importLocations(locations);
    }

    /** Also fails when a module has no classes (ArchUnit's layers are not optional), so no rule passes vacuously. */
    @Test
    void everyModuleOnlyUsesTheModulesBelowIt() {
        LayeredArchitecture architecture = layeredArchitecture().consideringOnlyDependenciesInLayers();
        for (Module module : Module.values()) {
            architecture = architecture.layer(module.toString()).definedBy(inModule(module));
        }
        for (Module module : Module.values()) {
            String[] below = module.mayUse.stream().sorted().map(Module::toString).toArray(String[]::new);
            architecture = below.length == 0
                    ? architecture.whereLayer(module.toString()).mayNotAccessAnyLayer()
                    : architecture.whereLayer(module.toString()).mayOnlyAccessLayers(below);
        }
        architecture.check(classes);
    }

    @Test
    void onlyTrainerTrainUsesDjl() {
        noClasses().that(DescribedPredicate.not(inModule(Module.TRAINER_TRAIN)))
                .should().dependOnClassesThat().resideInAPackage("ai.djl..")
                .check(classes);
    }

    private static DescribedPredicate<JavaClass> inModule(Module module) {
        return DescribedPredicate.describe("in " + module, c -> MODULE_OF_CLASS.get(c.getName()) == module);
    }
}
