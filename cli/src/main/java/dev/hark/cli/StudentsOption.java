package dev.hark.cli;

import dev.hark.pipeline.distill.Student;
import dev.hark.pipeline.distill.StudentZoo;
import java.util.List;
import picocli.CommandLine.Option;

/** Which models of the student zoo a command trains: {@code hark distill} and {@code hark crossval}. */
final class StudentsOption {
    @Option(names = "--students", split = ",", description = "Students of the zoo to train beside the teacher, "
            + "comma-separated (the models that teach them come too). Default: the whole zoo.")
    List<String> students;

    /**
     * The models --students names, with those that teach them, or the whole zoo.
     *
     * @throws HarkException naming the option and the zoo's models when a name is not in the zoo
     */
    List<Student> zoo() {
        try {
            return StudentZoo.select(StudentZoo.standard(), students == null ? List.of() : students);
        } catch (IllegalArgumentException e) {
            throw new HarkException(ExitCode.BAD_INPUT, "--students: " + e.getMessage());
        }
    }
}
