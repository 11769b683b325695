/*
 * SPDX-License-Identifier: Apache-2.0
 * Copyright hark authors
 *
 * hark keyword spotting: the detector, which turns the network's keyword posterior, one per step, into detections.
 *
 * A posterior is the keyword's int8 probability plus 128: 0 to 255 in 1/256 steps. The detector keeps the last
 * `smoothing_steps` posteriors (those before the stream began count as 0) and fires when their sum reaches
 * `threshold * smoothing_steps`, i.e. when their mean reaches the threshold, compared exactly without a division.
 * After a detection it stays silent for `refractory_steps` steps. Integer only; the Java simulator's Detector does
 * the same steps, so the firmware's detections can be compared with it one for one.
 */

#ifndef HARK_DETECTOR_H
#define HARK_DETECTOR_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/** The largest smoothing window; a detector reserves this many posteriors. */
#define HARK_DETECTOR_MAX_SMOOTHING_STEPS 64

/** How posteriors become detections. */
typedef struct
{
    int32_t smoothing_steps;  /**< posteriors averaged, 1 to HARK_DETECTOR_MAX_SMOOTHING_STEPS */
    int32_t threshold;        /**< the mean posterior that fires, 1 to 255 (128 is probability 0.5) */
    int32_t refractory_steps; /**< steps after a detection in which no other fires, >= 0 */
} hark_detector_settings;

/** A detector's state; owned by the caller, set up by hark_detector_init(). */
typedef struct
{
    hark_detector_settings settings;
    uint8_t history[HARK_DETECTOR_MAX_SMOOTHING_STEPS]; /* the last posteriors, a ring of smoothing_steps */
    int32_t next_slot;                                  /* where the next posterior goes */
    int32_t sum;                                        /* sum of the ring */
    uint32_t step;                                      /* steps taken since init */
    uint32_t quiet_until;                               /* first step that may fire again */
} hark_detector;

/** One detection. */
typedef struct
{
    uint32_t step; /**< the step whose posterior brought the mean to the threshold, 0 = the first */
    int32_t score; /**< the mean posterior then, rounded down, 0 to 255 */
} hark_detection;

/**
 * @brief Starts a detector with no posteriors seen.
 *
 * @return 0, or -1 (the detector untouched) for a NULL pointer or settings outside their ranges.
 */
int32_t hark_detector_init(hark_detector *detector, const hark_detector_settings *settings);

/**
 * @brief Takes the next step's posterior.
 *
 * @param[in, out] detector  an initialised detector
 * @param[in]      posterior the keyword's probability code plus 128, 0 to 255
 * @param[out]     detection filled when the step fires
 *
 * @return 1 when the step fires, 0 when it does not, -1 for a NULL pointer or a posterior outside 0 to 255.
 */
int32_t hark_detector_push(hark_detector *detector, int32_t posterior, hark_detection *detection);

#ifdef __cplusplus
}
#endif

#endif /* HARK_DETECTOR_H */
