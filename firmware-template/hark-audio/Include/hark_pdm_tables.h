/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright hark authors
 *
 * Generated from dev.hark.sim.audio.PdmFilters (sim); do not edit. PdmTablesTest (firmware-template) checks
 * this file against that class and, when they differ, writes the file as it should be under
 * firmware-template/target/pdm-tables/.
 *
 * The constants of the PDM decimator (hark_pdm.h, docs/pdm.md).
 */

#ifndef HARK_PDM_TABLES_H
#define HARK_PDM_TABLES_H

#include <stdint.h>

#define HARK_PDM_CIC_ORDER 5u /* order of the sinc (CIC) filter */
#define HARK_PDM_BYTE_SPAN 5u /* bytes the first stage (sinc^N over 8 bits) spans */
#define HARK_PDM_MIN_BYTES_PER_SAMPLE 8u /* bytes per PCM sample at the smallest decimation */
#define HARK_PDM_FIR_HALF 35u /* index of the FIR's centre tap */
#define HARK_PDM_FIR_TAPS 71u /* the FIR's length */
#define HARK_PDM_FIR_DECIMATION 2u /* the FIR's decimation */
#define HARK_PDM_FIR_TO_DC_SHIFT 5 /* the FIR's sum (full scale 2^29) to the DC blocker's scale (2^24) */
#define HARK_PDM_DC_BLOCK_SHIFT 8 /* the DC blocker's pole, 1 - 2^-shift */
#define HARK_PDM_GAIN_FRACTION_BITS 8 /* fraction bits of the gain */
#define HARK_PDM_DC_TO_OUTPUT_SHIFT 9 /* the DC blocker's scale (2^24) to int16 (2^15) */
#define HARK_PDM_MAX_GAIN_Q8 65536 /* the largest gain */
#define HARK_PDM_DECIMATION_COUNT 3u /* the supported PDM clocks */

/** One PDM clock: decimation = 16 * cic_decimation; the CIC's output to Q14 is
 *  (value * multiplier + 2^31) >> 32. */
typedef struct
{
    uint32_t decimation;
    uint32_t cic_decimation;
    int32_t multiplier;
} hark_pdm_decimation;

extern const hark_pdm_decimation hark_pdm_decimations[HARK_PDM_DECIMATION_COUNT];

/** [order][t][b]: the sum of the sinc^N-over-8-bits coefficients at the bits of byte b, t bytes old, + for
 *  a 1 bit and - for a 0 bit; order 0 reads b's most significant bit as the earliest, order 1 its least
 *  significant. */
extern const int16_t hark_pdm_byte_sums[2][HARK_PDM_BYTE_SPAN][256];

/** The FIR's taps, Q15, symmetric, summing to exactly 2^15. */
extern const int16_t hark_pdm_fir_q15[HARK_PDM_FIR_TAPS];

#endif /* HARK_PDM_TABLES_H */
