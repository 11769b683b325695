package dev.hark.pipeline.crossval;

import dev.hark.pipeline.distill.Student;
import dev.hark.pipeline.prune.PruningRecipe;
import dev.hark.trainer.prune.PruningAmount;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The pruned rows of a cross-validation: each amount of the recipe applied to its own source, a model of an earlier
 * row of the fold (the teacher; a student after its distillation; or a pruned row, so a network can be pruned in
 * steps, fine-tuned between them). A pruned row is named by {@link PruningRecipe#prunedName} after its source, and
 * learns, when the recipe distils, from the model that taught its source, or from its source when that learnt from
 * the labels (the teacher): the fold's teacher, for every row of the standard zoo.
 *
 * @param recipe  the amounts, and how every pruned row is ranked and fine-tuned
 * @param sources the source of each amount, in the recipe's order
 */
public record PruningPlan(PruningRecipe recipe, List<String> sources) {
    /** @throws IllegalArgumentException when there is not one source per amount */
    public PruningPlan {
        sources = List.copyOf(sources);
        if (sources.size() != recipe.amounts().size()) {
            throw new IllegalArgumentException("pruning: " + sources.size() + " sources for "
                    + recipe.amounts().size() + " amounts");
        }
    }

    /** Every amount pruned from {@code source}. */
    public static PruningPlan of(PruningRecipe recipe, String source) {
        return new PruningPlan(recipe, recipe.amounts().stream().map(a -> source).toList());
    }

    /** One pruned row. */
    public record Row(Student row, Student source, PruningAmount amount) {
    }

    /**
     * The pruned rows, in the recipe's order.
     *
     * @param earlier the rows before them
     * @throws IllegalArgumentException naming a source that is no earlier row, and the rows there are
     */
    public List<Row> rows(List<Student> earlier) {
        List<Student> known = new ArrayList<>(earlier);
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            String name = sources.get(i);
            Student source = known.stream().filter(s -> s.name().equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("pruning: no model '" + name + "' to prune "
                            + "before it; the rows are " + String.join(", ", known.stream().map(Student::name)
                            .toList())));
            PruningAmount amount = recipe.amounts().get(i);
            Student row = new Student(recipe.prunedName(source.name(), amount),
                    amount.prunedConfig(source.config()), Optional.of(source.teacher().orElse(source.name())));
            if (known.stream().anyMatch(s -> s.name().equals(row.name()))) {
                throw new IllegalArgumentException("pruning: " + row.name() + " is asked for twice");
            }
            known.add(row);
            rows.add(new Row(row, source, amount));
        }
        return rows;
    }
}
