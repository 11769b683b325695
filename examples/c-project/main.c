/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright hark authors
 *
 * A plain C program that links hark's generated network: it reads one clip of int8 features (a .features file,
 * HARK_INPUT_SIZE bytes, frame by frame), runs the network on it and prints the network's output, one int8 value
 * per line (for a classifier, each class's probability code).
 *
 *     classify clip.features
 */

#include <stdio.h>

#include "hark_network.h"

/* The network's working memory: owned here, lent to every run. Static, so the program needs no heap. */
static int8_t arena[HARK_ARENA_SIZE] __attribute__((aligned(HARK_ARENA_ALIGNMENT)));

int main(int argc, char **argv)
{
    static int8_t features[HARK_INPUT_SIZE];
    int8_t output[HARK_OUTPUT_SIZE];

    if (argc != 2) {
        fprintf(stderr, "usage: classify <clip.features>\n");
        return 2;
    }
    FILE *in = fopen(argv[1], "rb");
    if (in == NULL) {
        fprintf(stderr, "classify: cannot open %s\n", argv[1]);
        return 1;
    }
    size_t read = fread(features, 1, sizeof features, in);
    int extra = fgetc(in);
    fclose(in);
    if (read != sizeof features || extra != EOF) {
        fprintf(stderr, "classify: %s does not hold exactly %d feature bytes\n", argv[1], HARK_INPUT_SIZE);
        return 1;
    }
    arm_cmsis_nn_status status = hark_network_run(arena, features, output, NULL, NULL);
    if (status != ARM_CMSIS_NN_SUCCESS) {
        fprintf(stderr, "classify: the network failed with status %d\n", (int)status);
        return 1;
    }
    for (int i = 0; i < HARK_OUTPUT_SIZE; i++) {
        printf("%d\n", output[i]);
    }
    return 0;
}
