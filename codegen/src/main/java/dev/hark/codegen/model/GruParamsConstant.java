package dev.hark.codegen.model;

import dev.hark.codegen.writer.ModelElement;
import java.util.List;

/**
 * {@code const hark_gru_s8_params name = {...};}: every constant of one GRU layer.
 *
 * @param inputFc   gates r, z, n of the input projection
 * @param hiddenFc  gates r, z, n of the hidden projection
 * @param adds      add_r, add_z, add_n, add_h in struct order
 * @param muls      mul_r_hn, mul_zc_n, mul_z_h in struct order
 * @param tables    C names of sigmoid_r, sigmoid_z, one_minus_sigmoid_z, tanh_n in struct order
 * @param addInputs C names of add_r_inputs, add_z_inputs, add_n_inputs, add_h_inputs in struct order
 * @param inputWeightsWide  C names of the input projections' weights widened to int16, gates r, z, n
 * @param hiddenWeightsWide C names of the hidden projections' weights widened to int16, gates r, z, n
 */
public record GruParamsConstant(String name, Comment comment, int inputSize, int hiddenSize,
                                List<FcParamsInitializer> inputFc, List<FcParamsInitializer> hiddenFc,
                                List<AddParamsInitializer> adds, List<MulParamsInitializer> muls,
                                List<String> tables, List<String> addInputs, List<String> inputWeightsWide,
                                List<String> hiddenWeightsWide) implements ModelElement {
    public GruParamsConstant {
        inputFc = List.copyOf(inputFc);
        hiddenFc = List.copyOf(hiddenFc);
        adds = List.copyOf(adds);
        muls = List.copyOf(muls);
        tables = List.copyOf(tables);
        addInputs = List.copyOf(addInputs);
        inputWeightsWide = List.copyOf(inputWeightsWide);
        hiddenWeightsWide = List.copyOf(hiddenWeightsWide);
    }
}
